#include <gtest/gtest.h>

#include "core/unicode.hpp"

namespace godwit::core {
namespace {

TEST(Unicode, DecodesUtf8AndReplacesMalformedBytes) {
  EXPECT_EQ(decode_utf8("a", 0).cp, U'a');
  auto u = decode_utf8("\xC3\x9C", 0);  // Ü
  EXPECT_EQ(u.cp, U'\u00DC');
  EXPECT_EQ(u.len, 2u);
  auto cjk = decode_utf8("\xF0\xA0\x80\x80", 0);  // U+20000
  EXPECT_EQ(cjk.cp, U'\U00020000');
  EXPECT_EQ(cjk.len, 4u);
  for (std::string_view bad : {"\xFF", "\x80", "\xC3", "\xC0\x80", "\xED\xA0\x80", "\xE2\x82z"}) {
    auto d = decode_utf8(bad, 0);
    EXPECT_EQ(d.cp, U'\uFFFD') << bad.size();
    EXPECT_EQ(d.len, 1u);
  }
}

// The letters Prisma 7.10.1 accepts in identifiers, and some it rejects (checked with the oracle).
TEST(Unicode, LettersAreGeneralCategoryL) {
  for (char32_t c :
       {U'a', U'Z', U'\u00DC', U'\u00E4', U'\u4E2D', U'\u01C5', U'\u02B0', U'\u00AA', U'\u00B5',
        U'\u03B1', U'\u0436', U'\u0915', U'\U00020000', U'\U00031350', U'\U000323B0'})
    EXPECT_TRUE(is_unicode_letter(c)) << static_cast<unsigned>(c);
  for (char32_t c : {U'1', U'_', U'-', U'\u2160', U'\u0663', U'\u00BD', U'\u0301', U'\u093F',
                     U'\U0001F600', U'\u20AC', U'\u200D', U'\u00B7', U'\uFF11', U'\u203F',
                     U'\u00AD', U'\u24B6', U'\u0345', U'\u3007'})
    EXPECT_FALSE(is_unicode_letter(c)) << static_cast<unsigned>(c);
}

TEST(Unicode, DisplayWidth) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("z\xC3\xA4hler"), 6u);             // zähler
  EXPECT_EQ(display_width("\xE5\x90\x8D\xE5\x89\x8D"), 4u);  // 名前
  EXPECT_EQ(display_width("e\xCC\x81"), 1u);                 // e + combining acute
  EXPECT_EQ(display_width("\xF0\xA0\x80\x80"), 2u);          // U+20000
}

TEST(Unicode, InvalidUtf8IsFoundAndEscaped) {
  EXPECT_FALSE(first_invalid_utf8("b\xC3\xBC"
                                  "cher")
                   .has_value());
  EXPECT_EQ(first_invalid_utf8("abc\xFF"), 3u);
  EXPECT_EQ(escape_invalid_utf8("a\xFF\xC3\xBC\n"), "a\\xFF\xC3\xBC\\x0A");
}

}  // namespace
}  // namespace godwit::core
