#pragma once
// Internal to the parser: the block-level rules of Prisma's grammar (ENG
// psl/schema-ast/src/parser/datamodel.pest) over a Cursor. parser.cpp has the file level,
// comments, blank lines and recovery; parser_blocks.cpp the model/enum/config blocks and
// their lines.

#include <optional>
#include <string>
#include <vector>

#include "psl/ast.hpp"
#include "psl/parse/parser_cursor.hpp"

namespace godwit::psl::detail {

/// Joins the documentation lines (`///` and `/* */`) of a comment run; `//` lines do not count.
std::string doc_text(const std::vector<ast::Comment>& run);
/// Appends `more` to `doc` on a new line (nothing when `more` is empty).
void append_doc(std::string& doc, const std::string& more);

class Parser {
 public:
  Parser(std::string_view text, std::uint32_t file, Diagnostics& diags) : c_(text, file, diags) {}

  ast::File run();

 private:
  // comment_block: one or more comments, each optionally followed by a line break.
  bool comment_block(std::vector<ast::Comment>& store, std::vector<ast::Item>& items,
                     std::vector<ast::Comment>* run);
  // empty_lines: (WHITESPACE* NEWLINE)+; records the number of blank lines.
  bool empty_lines(std::vector<ast::Item>& items);
  // (!NEWLINE ANY)+ NEWLINE?
  Span catch_all_line();
  bool block_open(ast::Block& b);
  /// After the block keyword (which began at `start`): the keyword span, the name and `{`.
  bool block_header(ast::Block& b, std::size_t start);
  Boxed<ast::Comment> trailing_comment();

  bool model_like(ast::File& f, std::string& pending_doc);
  bool enum_block(ast::File& f, std::string& pending_doc);
  bool config_block(ast::File& f, std::string& pending_doc);
  bool type_alias();
  bool arbitrary_block();

  /// Fills `field` (fresh) in place; false when no field declaration starts here.
  bool field_declaration(const ast::Block& b, std::string& pending, ast::Field& field);
  bool field_type(ast::Field& field, bool& legacy_error);
  std::optional<ast::EnumValue> enum_value(std::string& pending);
  std::optional<ast::Property> key_value();
  std::optional<ast::Attribute> block_attribute_line();

  Cursor c_;
};

}  // namespace godwit::psl::detail
