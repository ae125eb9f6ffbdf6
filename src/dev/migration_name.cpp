#include "dev/migration_name.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>
#include <regex>
#include <utility>

namespace godwit::dev {
namespace {

// The package's replacements for Latin-1 and Latin Extended-A letters (its charmap), as UTF-8
// pairs; the rest of those blocks lose their diacritics through NFD in the package and are
// listed here with their base letter.
const std::pair<std::string_view, std::string_view> kLatinLetters[] = {
    {"ß", "ss"}, {"ẞ", "Ss"}, {"ä", "ae"}, {"Ä", "Ae"}, {"ö", "oe"}, {"Ö", "Oe"}, {"ü", "ue"},
    {"Ü", "Ue"}, {"À", "A"},  {"Á", "A"},  {"Â", "A"},  {"Ã", "A"},  {"Å", "A"},  {"Æ", "AE"},
    {"Ç", "C"},  {"È", "E"},  {"É", "E"},  {"Ê", "E"},  {"Ë", "E"},  {"Ì", "I"},  {"Í", "I"},
    {"Î", "I"},  {"Ï", "I"},  {"Ð", "D"},  {"Ñ", "N"},  {"Ò", "O"},  {"Ó", "O"},  {"Ô", "O"},
    {"Õ", "O"},  {"Ő", "O"},  {"Ø", "O"},  {"Ù", "U"},  {"Ú", "U"},  {"Û", "U"},  {"Ű", "U"},
    {"Ý", "Y"},  {"Þ", "TH"}, {"à", "a"},  {"á", "a"},  {"â", "a"},  {"ã", "a"},  {"å", "a"},
    {"æ", "ae"}, {"ç", "c"},  {"è", "e"},  {"é", "e"},  {"ê", "e"},  {"ë", "e"},  {"ì", "i"},
    {"í", "i"},  {"î", "i"},  {"ï", "i"},  {"ð", "d"},  {"ñ", "n"},  {"ò", "o"},  {"ó", "o"},
    {"ô", "o"},  {"õ", "o"},  {"ő", "o"},  {"ø", "o"},  {"ù", "u"},  {"ú", "u"},  {"û", "u"},
    {"ű", "u"},  {"ý", "y"},  {"þ", "th"}, {"ÿ", "y"},  {"č", "c"},  {"ď", "d"},  {"ě", "e"},
    {"ň", "n"},  {"ř", "r"},  {"š", "s"},  {"ť", "t"},  {"ů", "u"},  {"ž", "z"},  {"Č", "C"},
    {"Ď", "D"},  {"Ě", "E"},  {"Ň", "N"},  {"Ř", "R"},  {"Š", "S"},  {"Ť", "T"},  {"Ů", "U"},
    {"Ž", "Z"},  {"ą", "a"},  {"ć", "c"},  {"ę", "e"},  {"ł", "l"},  {"ń", "n"},  {"ś", "s"},
    {"ź", "z"},  {"ż", "z"},  {"Ą", "A"},  {"Ć", "C"},  {"Ę", "E"},  {"Ł", "L"},  {"Ń", "N"},
    {"Ś", "S"},  {"Ź", "Z"},  {"Ż", "Z"},  {"ğ", "g"},  {"Ğ", "G"},  {"ı", "i"},  {"İ", "I"},
    {"ş", "s"},  {"Ş", "S"},  {"ā", "a"},  {"ē", "e"},  {"ī", "i"},  {"ū", "u"},  {"Ā", "A"},
    {"Ē", "E"},  {"Ī", "I"},  {"Ū", "U"},
};

// The package's own replacements, applied before the charmap.
const std::pair<std::string_view, std::string_view> kSymbols[] = {
    {"&", " and "}, {"\xF0\x9F\xA6\x84", " unicorn "}, {"\xE2\x99\xA5", " love "}};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t hit; (hit = text.find(from, at)) != std::string::npos; at = hit + from.size()) {
    out.append(text, at, hit - at);
    out.append(to);
  }
  out.append(text, at);
  return out;
}

}  // namespace

std::string slugify_migration_name(std::string_view name) {
  std::string s(name);
  for (const auto& [from, to] : kSymbols)
    s = replace_all(std::move(s), from, to);
  for (const auto& [from, to] : kLatinLetters)
    s = replace_all(std::move(s), from, to);
  // The package's decamelize step, regex for regex (ASCII classes, as in JavaScript).
  static const std::regex kUpperRunDigits("([A-Z]{2,})(\\d+)");
  static const std::regex kLowerUpperRun("([a-z\\d]+)([A-Z]{2,})");
  static const std::regex kLowerUpper("([a-z\\d])([A-Z])");
  static const std::regex kUpperWord("([A-Z]+)([A-Z][a-rt-z\\d]+)");
  s = std::regex_replace(s, kUpperRunDigits, "$1 $2");
  s = std::regex_replace(s, kLowerUpperRun, "$1 $2");
  s = std::regex_replace(s, kLowerUpper, "$1 $2");
  s = std::regex_replace(s, kUpperWord, "$1 $2");
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  static const std::regex kApostrophe("([a-zA-Z\\d]+)'([ts])(\\s|$)");
  s = std::regex_replace(s, kApostrophe, "$1$2$3");
  // Every run of characters other than [a-z0-9] is one separator, none at either end.
  std::string out;
  bool gap = false;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (gap && !out.empty()) out += '_';
      gap = false;
      out += c;
    } else {
      gap = true;
    }
  }
  if (out.size() > 200) out.resize(200);
  return out;
}

std::string migration_folder_name(core::TimePoint now, std::string_view slug) {
  const std::time_t t =
      std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(now));
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::string stamp = fmt::format("{:%Y%m%d%H%M%S}", utc);
  return slug.empty() ? stamp : fmt::format("{}_{}", stamp, slug);
}

}  // namespace godwit::dev
