#include "sql/lex.hpp"

#include <algorithm>

namespace godwit::sql {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_word_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_word_char(char c) {
  return is_word_start(c) || (c >= '0' && c <= '9') || c == '$';
}

// End of the block comment opening at `pos` ("/*"), or text.size() if unterminated.
std::size_t block_comment_end(std::string_view text, std::size_t pos, CommentStyle style) {
  int depth = 0;
  std::size_t i = pos;
  while (i + 1 < text.size()) {
    if (text[i] == '/' && text[i + 1] == '*') {
      // SQLite does not nest: only the opening one counts.
      if (depth == 0 || style == CommentStyle::kPostgres) ++depth;
      i += 2;
    } else if (text[i] == '*' && text[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return text.size();
}

// True when the trivia from `pos` ends in a block comment that is never closed. PostgreSQL
// rejects one ("unterminated /* comment"); SQLite ends it at the end of input.
bool ends_in_open_comment(std::string_view text, std::size_t pos, CommentStyle style) {
  if (style != CommentStyle::kPostgres) return false;
  while (pos < text.size()) {
    if (text[pos] == '/' && pos + 1 < text.size() && text[pos + 1] == '*') {
      auto end = block_comment_end(text, pos, style);
      std::string_view comment = text.substr(pos, end - pos);
      if (end == text.size() && !(comment.size() >= 4 && comment.ends_with("*/"))) return true;
      pos = end;
    } else if (text[pos] == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      auto nl = text.find('\n', pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
    } else {
      ++pos;
    }
  }
  return false;
}

}  // namespace

std::size_t skip_trivia(std::string_view text, std::size_t pos, CommentStyle style) {
  if (pos == 0 && text.starts_with(kBom)) pos = kBom.size();
  while (pos < text.size()) {
    char c = text[pos];
    if (is_space(c)) {
      ++pos;
    } else if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      auto nl = text.find('\n', pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
    } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '*') {
      pos = block_comment_end(text, pos, style);
    } else {
      break;
    }
  }
  return pos;
}

std::vector<Statement> statements_from_ranges(std::string_view script,
                                              const std::vector<RawRange>& ranges,
                                              CommentStyle style) {
  std::vector<Statement> out;
  out.reserve(ranges.size());
  // Lines are counted incrementally: ranges come in script order.
  std::size_t counted_to = 0;
  int line = 1;
  for (const RawRange& r : ranges) {
    std::size_t end = std::min(r.end, script.size());
    std::size_t begin = skip_trivia(script.substr(0, end), r.begin, style);
    while (end > begin && is_space(script[end - 1]))
      --end;
    if (begin >= end) {
      // A tail that is only an unterminated comment goes to the server, which rejects it, as
      // it would if the script were sent whole; dropping it would report success.
      if (!ends_in_open_comment(script.substr(0, r.end), r.begin, style)) continue;
      begin = r.begin;
      while (begin < end && is_space(script[begin]))
        ++begin;
      end = std::min(r.end, script.size());
      while (end > begin && is_space(script[end - 1]))
        --end;
    }
    line += static_cast<int>(std::count(script.begin() + counted_to, script.begin() + begin, '\n'));
    counted_to = begin;
    Statement s;
    s.text = script.substr(begin, end - begin);
    s.line = line;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> leading_words(std::string_view text, std::size_t max_words,
                                       CommentStyle style) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (words.size() < max_words) {
    pos = skip_trivia(text, pos, style);
    if (pos >= text.size() || !is_word_start(text[pos])) break;
    std::size_t start = pos;
    while (pos < text.size() && is_word_char(text[pos]))
      ++pos;
    std::string w(text.substr(start, pos - start));
    for (char& c : w) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    words.push_back(std::move(w));
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n && i < words.size(); ++i) {
    if (i) out += ' ';
    out += words[i];
  }
  return out;
}

}  // namespace godwit::sql
