#pragma once
// Internal to the parser: a position in one file's text with the grammar's terminals
// (whitespace, line breaks, identifiers, paths, literals, expressions, attributes, comments).
// Every `parse_*` either succeeds and moves past what it matched, or fails and leaves the
// position (and the diagnostics) as they were — PEG semantics.

#include <optional>
#include <string_view>

#include "psl/ast.hpp"
#include "psl/diagnostics.hpp"

namespace godwit::psl::detail {

class Cursor {
 public:
  Cursor(std::string_view text, std::uint32_t file, Diagnostics& diags)
      : text_(text), file_(file), diags_(diags) {}

  std::string_view text() const { return text_; }
  std::uint32_t file() const { return file_; }
  Diagnostics& diags() { return diags_; }
  std::size_t pos = 0;

  bool eof() const { return pos >= text_.size(); }
  /// Whether an identifier can start with the ASCII character `c` (a letter or digit); a
  /// non-ASCII identifier starts with a Unicode letter (see at_identifier_start).
  static bool is_identifier_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  /// Whether an identifier starts here (an ASCII letter or digit, or a Unicode letter).
  bool at_identifier_start() const {
    return !eof() && (is_identifier_start(text_[pos]) || letter_len(pos) > 0);
  }
  Span span(std::size_t from, std::size_t to) const {
    return Span{file_, static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)};
  }

  /// Byte length of the white space character (tab or Unicode Zs) at `at`, else 0.
  std::size_t ws_len(std::size_t at) const {
    if (at >= text_.size()) return 0;
    unsigned char c = static_cast<unsigned char>(text_[at]);
    if (c == ' ' || c == '\t') return 1;
    return c < 0x80 ? 0 : ws_len_non_ascii(at);
  }
  void skip_ws();
  /// Byte length of the line break at `at` ("\n", "\r\n", "\r"), else 0.
  std::size_t newline_len(std::size_t at) const;
  bool eat_newline();
  bool eat(std::string_view literal);
  // Inline and without memcmp: the parser tries literals at almost every position.
  bool at(std::string_view literal) const {
    if (text_.size() - pos < literal.size()) return false;
    for (std::size_t i = 0; i < literal.size(); ++i)
      if (text_[pos + i] != literal[i]) return false;
    return true;
  }
  /// Consumes up to (not including) the next line break or the end.
  void skip_to_line_end();
  /// Byte length of the UTF-8 character at `at` (1 for invalid bytes).
  std::size_t char_len(std::size_t at) const;

  std::optional<ast::Identifier> parse_identifier();
  std::optional<ast::Identifier> parse_path();
  std::optional<ast::Expression> parse_string_literal();
  std::optional<ast::Expression> parse_expression();
  /// `( args )`; fills the three outputs.
  bool parse_arguments_list(std::vector<ast::Argument>& args, std::vector<ast::Identifier>& empty,
                            bool& trailing_comma, Span& trailing_comma_span);
  /// `@path(args)?` (or `@@` when `block`), without a trailing comment.
  std::optional<ast::Attribute> parse_attribute(bool block);
  /// parse_attribute into `a` (fresh), in place; on false discard `a`.
  bool attribute_into(ast::Attribute& a, bool block);
  /// Field attributes (`@...`) after the current position, appended to `out` in place.
  void field_attributes(std::vector<ast::Attribute>& out);
  /// One `///`, `//` or `/* */` comment (leading white space allowed), not its line break.
  std::optional<ast::Comment> parse_comment();

 private:
  std::size_t ws_len_non_ascii(std::size_t at) const;
  /// Bytes of the non-ASCII Unicode letter (general category L) at `at`, or 0.
  std::size_t letter_len(std::size_t at) const;
  /// Moves past an identifier without building it; false if none starts here.
  bool skip_identifier();
  /// Moves past a path (see parse_path) without building it; false if none starts here.
  bool skip_path();
  // The *_into forms fill `e` (a fresh Expression) and return true, or leave the position
  // as it was and return false (they may have written to `e` then: discard it).
  bool expression_into(ast::Expression& e);
  bool string_literal_into(ast::Expression& e);
  bool number_into(ast::Expression& e);
  bool array_into(ast::Expression& e);
  bool object_into(ast::Expression& e);
  /// Whether the next character can begin an expression (a cheap test before allocating).
  bool can_start_expression() const;
  /// Parses an expression into a new last element of `items`; false (nothing added) if none.
  bool expression_item(std::vector<ast::Expression>& items);
  std::string decode_string(std::size_t content_start, std::size_t content_end);

  std::string_view text_;
  std::uint32_t file_;
  Diagnostics& diags_;
};

/// Restores a cursor's position and diagnostics unless `commit()` was called.
class Checkpoint {
 public:
  explicit Checkpoint(Cursor& c) : c_(c), pos_(c.pos), mark_(c.diags().size()) {}
  ~Checkpoint() {
    if (!committed_) {
      c_.pos = pos_;
      c_.diags().truncate(mark_);
    }
  }
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;
  void commit() { committed_ = true; }
  std::size_t start() const { return pos_; }

 private:
  Cursor& c_;
  std::size_t pos_;
  std::size_t mark_;
  bool committed_ = false;
};

}  // namespace godwit::psl::detail
