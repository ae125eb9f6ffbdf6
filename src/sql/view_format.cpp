// sqlformat 0.2.6's formatter (uppercase keywords, 2-space indent), re-implemented so that
// godwit writes the same views/<schema>/<name>.sql bytes as `prisma db pull`. The crate works
// token by token on one output string: each token appends itself and usually one space, and
// some take back the space before them (trim) or start a new line at the current indentation.

#include "sql/view_format.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sql/view_format_tokens.hpp"

namespace godwit::sql {
namespace {

using view_format::Token;
using view_format::TokenKind;

constexpr std::size_t kIndentWidth = 2;
// A parenthesis stays on one line when its tokens (white space as written included) add up to at
// most this many bytes.
constexpr std::size_t kInlineMaxLength = 50;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Runs of white space as one space: a keyword written "GROUP\n  BY" prints as "GROUP BY".
std::string single_spaced(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  bool pending_space = false;
  while (pos < text.size()) {
    std::size_t length = 0;
    if (view_format::whitespace_at(text, pos, length)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

class Formatter {
 public:
  explicit Formatter(const std::vector<Token>& tokens) : tokens_(tokens) {}

  std::string run() {
    for (index_ = 0; index_ < tokens_.size(); ++index_) {
      const Token& token = tokens_[index_];
      switch (token.kind) {
        case TokenKind::kWhitespace:
          break;  // the formatter spaces everything itself
        case TokenKind::kLineComment:
          line_comment(token);
          break;
        case TokenKind::kBlockComment:
          block_comment(token);
          break;
        case TokenKind::kReservedTopLevel:
          top_level_keyword(token, /*indent=*/true);
          previous_keyword_ = token.text;
          break;
        case TokenKind::kReservedTopLevelNoIndent:
          top_level_keyword(token, /*indent=*/false);
          previous_keyword_ = token.text;
          break;
        case TokenKind::kReservedNewline:
          new_line();
          out_ += keyword_text(token);
          out_ += ' ';
          previous_keyword_ = token.text;
          break;
        case TokenKind::kReserved:
          append_spaced(token);
          previous_keyword_ = token.text;
          break;
        case TokenKind::kOpenParen:
          open_paren(token);
          break;
        case TokenKind::kCloseParen:
          close_paren(token);
          break;
        case TokenKind::kPlaceholder:
          append_spaced(token);
          break;  // no parameters to bind
        default:
          punctuation_or_other(token);
          break;
      }
    }
    return std::string(view_format::trim_unicode_whitespace(out_));
  }

 private:
  enum class Indent : std::uint8_t { kTopLevel, kBlock };

  // What comes after the clause keyword is indented one level; the next clause keyword closes
  // that level first.
  void top_level_keyword(const Token& token, bool indent) {
    if (!indents_.empty() && indents_.back() == Indent::kTopLevel) indents_.pop_back();
    new_line();
    if (indent) indents_.push_back(Indent::kTopLevel);
    out_ += keyword_text(token);
    new_line();
  }

  void punctuation_or_other(const Token& token) {
    if (token.text == ",") {
      comma();
    } else if (token.text == ":") {
      trim_spaces_end();
      out_ += ":";
      out_ += ' ';
    } else if (token.text == ".") {
      trim_spaces_end();
      out_ += ".";
    } else if (token.text == ";") {
      // The end of a query: indentation starts over, then one line break.
      indents_.clear();
      trim_spaces_end();
      out_ += ";\n";
    } else {
      append_spaced(token);
    }
  }

  // A comma ends the line, except inside an inline parenthesis and in `LIMIT a, b`.
  void comma() {
    trim_spaces_end();
    out_ += ", ";
    if (inline_depth_ > 0) return;
    if (upper(previous_keyword_) == "LIMIT") return;
    new_line();
  }

  void open_paren(const Token& token) {
    // The space before a parenthesis goes, unless the input had white space there (`IN (`) or
    // it follows another parenthesis or a line comment.
    const Token* previous = token_at(-1);
    if (previous == nullptr ||
        (previous->kind != TokenKind::kWhitespace && previous->kind != TokenKind::kOpenParen &&
         previous->kind != TokenKind::kLineComment)) {
      trim_spaces_end();
    }
    out_ += upper(token.text);
    if (inline_depth_ > 0) {
      ++inline_depth_;  // nested in an inline parenthesis: inline too
    } else if (fits_inline()) {
      inline_depth_ = 1;
    } else {
      indents_.push_back(Indent::kBlock);
      new_line();
    }
  }

  void close_paren(const Token& token) {
    if (inline_depth_ > 0) {
      --inline_depth_;
      trim_spaces_end();
      out_ += upper(token.text);
      out_ += ' ';
      return;
    }
    // Leaves the block and the clause levels opened inside it.
    while (!indents_.empty()) {
      Indent popped = indents_.back();
      indents_.pop_back();
      if (popped != Indent::kTopLevel) break;
    }
    new_line();
    out_ += upper(token.text);
    out_ += ' ';
  }

  // Whether the parenthesis at index_ closes within kInlineMaxLength bytes (counting from the
  // parenthesis itself) without a clause keyword, AND/OR/WHEN/ELSE/JOIN, comment or ';'.
  bool fits_inline() const {
    std::size_t length = 0;
    int depth = 0;
    for (std::size_t i = index_; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      length += token.text.size();
      if (length > kInlineMaxLength) return false;
      if (token.kind == TokenKind::kOpenParen) {
        ++depth;
      } else if (token.kind == TokenKind::kCloseParen && --depth == 0) {
        return true;
      }
      if (token.kind == TokenKind::kReservedTopLevel || token.kind == TokenKind::kReservedNewline ||
          token.kind == TokenKind::kLineComment || token.kind == TokenKind::kBlockComment ||
          token.text == ";")
        return false;
    }
    return false;
  }

  void line_comment(const Token& token) {
    // A comment on a line of its own in the input stays on its own line when a word-like token
    // follows; a comment after a comma sits two spaces after it.
    const Token* previous = token_at(-1);
    const Token* next = token_at(1);
    const Token* after_next = token_at(2);
    bool word_follows =
        next != nullptr && next->kind == TokenKind::kWhitespace && after_next != nullptr &&
        (after_next->kind == TokenKind::kNumber || after_next->kind == TokenKind::kString ||
         after_next->kind == TokenKind::kWord || after_next->is_reserved());
    if (previous != nullptr && previous->text.find('\n') != std::string_view::npos &&
        word_follows) {
      new_line();
    } else if (const Token* before = token_at(-2); before != nullptr && before->text == ",") {
      out_.resize(view_format::trim_unicode_whitespace_end(out_).size());
      out_ += "  ";
    }
    out_ += token.text;
    new_line();
  }

  void block_comment(const Token& token) {
    new_line();
    // Continuation lines that were indented are re-indented at the current level plus one space.
    std::string_view text = token.text;
    std::size_t line_end = text.find('\n');
    out_ += text.substr(0, line_end);
    while (line_end != std::string_view::npos) {
      text.remove_prefix(line_end + 1);
      line_end = text.find('\n');
      std::string_view line = text.substr(0, line_end);
      out_ += '\n';
      if (line.starts_with(' ') || line.starts_with('\t')) {
        out_ += indentation();
        out_ += ' ';
        line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
      }
      out_ += line;
    }
    new_line();
  }

  // A token and the one space after it; keywords upper-cased and single-spaced.
  void append_spaced(const Token& token) {
    if (token.kind == TokenKind::kReserved) {
      out_ += keyword_text(token);
    } else {
      out_ += token.text;
    }
    out_ += ' ';
  }

  static std::string keyword_text(const Token& token) { return single_spaced(upper(token.text)); }

  std::string indentation() const { return std::string(indents_.size() * kIndentWidth, ' '); }

  void new_line() {
    trim_spaces_end();
    if (!out_.ends_with('\n')) out_ += '\n';
    out_ += indentation();
  }

  void trim_spaces_end() {
    std::size_t end = out_.find_last_not_of(" \t");
    out_.resize(end == std::string::npos ? 0 : end + 1);
  }

  const Token* token_at(std::ptrdiff_t offset) const {
    std::ptrdiff_t i = static_cast<std::ptrdiff_t>(index_) + offset;
    if (i < 0 || i >= static_cast<std::ptrdiff_t>(tokens_.size())) return nullptr;
    return &tokens_[static_cast<std::size_t>(i)];
  }

  const std::vector<Token>& tokens_;
  std::size_t index_ = 0;
  std::string out_;
  std::vector<Indent> indents_;
  std::size_t inline_depth_ = 0;       // open parentheses of the current inline one (0: none)
  std::string_view previous_keyword_;  // the last keyword of any kind, for the LIMIT rule
};

}  // namespace

std::string format_view_definition(std::string_view definition) {
  std::vector<Token> tokens = view_format::tokenize(definition);
  return Formatter(tokens).run();
}

}  // namespace godwit::sql
