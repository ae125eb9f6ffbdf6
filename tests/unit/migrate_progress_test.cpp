// The progress note deploy --resume reads back from a row's logs (migrate/progress.hpp).
#include <gtest/gtest.h>

#include "core/sha256.hpp"
#include "migrate/progress.hpp"

namespace godwit::migrate {
namespace {

sql::Script script_of(std::string_view source, std::initializer_list<std::pair<int, int>> parts) {
  sql::Script s;
  s.source = source;
  for (auto [offset, size] : parts) {
    sql::Statement st;
    st.text = source.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(size));
    s.statements.push_back(st);
  }
  return s;
}

TEST(Progress, NoteRoundTrips) {
  EXPECT_EQ(progress_note(0, 7), "godwit progress: 0 of 7 statements committed");
  const std::string digest(64, 'a');
  const auto note = progress_note(3, 7, digest);
  EXPECT_EQ(note,
            "godwit progress: 3 of 7 statements committed; sha256 of statements 1-3: " + digest);
  auto parsed = parse_progress("Migration name: x\n\nDatabase error ...\n" + note + "\n");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->committed, 3u);
  EXPECT_EQ(parsed->total, 7u);
  EXPECT_EQ(parsed->digest, digest);
  // No digest with nothing committed; a note without one parses with an empty digest.
  EXPECT_EQ(progress_note(0, 7, digest), "godwit progress: 0 of 7 statements committed");
  auto plain = parse_progress("godwit progress: 2 of 5 statements committed");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->committed, 2u);
  EXPECT_TRUE(plain->digest.empty());
}

TEST(Progress, RowsWithoutANoteAreNotGodwits) {
  EXPECT_FALSE(parse_progress(""));
  EXPECT_FALSE(parse_progress("Database error code: 42P01"));
  EXPECT_FALSE(parse_progress("godwit progress: x of 5 statements committed"));
  EXPECT_FALSE(parse_progress("godwit progress: 1 of 5"));
  // The last note counts (a failure's logs repeat the progress line at their end).
  auto last = parse_progress(
      "godwit progress: 1 of 5 statements committed\ngodwit progress: 4 of 5 statements "
      "committed");
  ASSERT_TRUE(last);
  EXPECT_EQ(last->committed, 4u);
}

TEST(Progress, DigestCoversTheCommittedStatementsOnly) {
  constexpr std::string_view kText = "-- head\nA;\nB;\nC;\n";
  auto s = script_of(kText, {{8, 1}, {11, 1}, {14, 1}});
  EXPECT_EQ(prefix_digest(s, 2), core::sha256_hex("-- head\nA;\nB"));
  // An edit after statement 2 keeps the digest of 1-2; an edit before it does not.
  constexpr std::string_view kLater = "-- head\nA;\nB;\nD;\n";
  EXPECT_EQ(prefix_digest(script_of(kLater, {{8, 1}, {11, 1}, {14, 1}}), 2), prefix_digest(s, 2));
  constexpr std::string_view kEarlier = "-- head\nX;\nB;\nC;\n";
  EXPECT_NE(prefix_digest(script_of(kEarlier, {{8, 1}, {11, 1}, {14, 1}}), 2), prefix_digest(s, 2));
}

}  // namespace
}  // namespace godwit::migrate
