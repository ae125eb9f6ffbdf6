#include "psl/parser.hpp"

#include "psl/parser_cursor.hpp"

namespace godwit::psl {
namespace {

using detail::Checkpoint;
using detail::Cursor;

/// Joins the documentation lines (`///` and `/* */`) of a comment run; `//` lines do not count.
std::string doc_text(const std::vector<ast::Comment>& run) {
  std::string out;
  bool first = true;
  for (const auto& c : run) {
    std::string line;
    if (c.kind == ast::Comment::Kind::Doc) {
      std::size_t i = 0;
      while (i < c.text.size() && (c.text[i] == ' ' || c.text[i] == '\t'))
        ++i;
      line = c.text.substr(i);
    } else if (c.kind == ast::Comment::Kind::Block) {
      std::string inner = c.text.substr(2, c.text.size() - 4);
      auto b = inner.find_first_not_of(" \t\r\n");
      auto e = inner.find_last_not_of(" \t\r\n");
      line = b == std::string::npos ? "" : inner.substr(b, e - b + 1);
    } else {
      continue;
    }
    if (!first) out += '\n';
    out += line;
    first = false;
  }
  return out;
}

void append_doc(std::string& doc, const std::string& more) {
  if (more.empty()) return;
  if (!doc.empty()) doc += '\n';
  doc += more;
}

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
  std::optional<ast::Comment> trailing_comment();

  bool model_like(ast::File& f, std::string& pending_doc);
  bool enum_block(ast::File& f, std::string& pending_doc);
  bool config_block(ast::File& f, std::string& pending_doc);
  bool type_alias();
  bool arbitrary_block();

  std::optional<ast::Field> field_declaration(const ast::Block& b, std::string& pending);
  bool field_type(ast::Field& field, bool& legacy_error);
  std::optional<ast::EnumValue> enum_value(std::string& pending);
  std::optional<ast::Property> key_value();
  std::optional<ast::Attribute> block_attribute_line();

  Cursor c_;
};

ast::File Parser::run() {
  ast::File f;
  f.file_id = c_.file();
  std::string pending_doc;  // documentation waiting for the next block
  bool pending_live = false;
  while (true) {
    c_.skip_ws();
    if (c_.eof()) break;
    std::string doc = pending_live ? pending_doc : std::string();
    pending_live = false;
    if (model_like(f, doc) || enum_block(f, doc) || config_block(f, doc)) continue;
    std::size_t start = c_.pos;
    if (type_alias()) {
      c_.diags().error(
          "Error validating: Invalid type definition. Please check the documentation in "
          "https://pris.ly/d/composite-types",
          c_.span(start, c_.pos));
      f.items.push_back({ast::Item::Kind::Invalid, 0, 1, c_.span(start, c_.pos)});
      continue;
    }
    if (arbitrary_block()) {
      c_.diags().error(
          "Error validating: This block is invalid. It does not start with any known Prisma "
          "schema keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and "
          "'generator'.",
          c_.span(start, c_.pos));
      f.items.push_back({ast::Item::Kind::Invalid, 0, 1, c_.span(start, c_.pos)});
      continue;
    }
    std::vector<ast::Comment> run;
    if (comment_block(f.comments, f.items, &run)) {
      pending_doc = doc_text(run);
      pending_live = true;
      continue;
    }
    if (empty_lines(f.items)) continue;
    Span s = catch_all_line();
    c_.diags().error(
        "Error validating: This line is invalid. It does not start with any known Prisma schema "
        "keyword.",
        s);
    f.items.push_back({ast::Item::Kind::Invalid, 0, 1, s});
  }
  return f;
}

bool Parser::comment_block(std::vector<ast::Comment>& store, std::vector<ast::Item>& items,
                           std::vector<ast::Comment>* run) {
  bool any = false;
  while (auto com = c_.parse_comment()) {
    items.push_back({ast::Item::Kind::Comment, store.size(), 1, com->span});
    if (run) run->push_back(*com);
    store.push_back(std::move(*com));
    any = true;
    c_.eat_newline();
  }
  return any;
}

bool Parser::empty_lines(std::vector<ast::Item>& items) {
  std::size_t start = c_.pos;
  int lines = 0;
  while (true) {
    std::size_t p = c_.pos;
    c_.skip_ws();
    if (!c_.eat_newline()) {
      c_.pos = p;
      break;
    }
    ++lines;
  }
  if (lines == 0) return false;
  // The first line break ends the previous line when something precedes it on that line.
  std::size_t back = start;
  while (back > 0 && (c_.text()[back - 1] == ' ' || c_.text()[back - 1] == '\t'))
    --back;
  bool at_line_start = back == 0 || c_.text()[back - 1] == '\n' || c_.text()[back - 1] == '\r';
  // Recorded even when no line is blank (the break that ends a `}` line): Prisma's formatter
  // reacts to the grammar's empty_lines token, not to the number of blank lines.
  int blank = at_line_start ? lines : lines - 1;
  items.push_back({ast::Item::Kind::EmptyLine, 0, blank, c_.span(start, c_.pos)});
  return true;
}

Span Parser::catch_all_line() {
  std::size_t start = c_.pos;
  c_.skip_to_line_end();
  c_.eat_newline();
  return c_.span(start, c_.pos);
}

bool Parser::block_open(ast::Block& b) {
  c_.skip_ws();
  if (!c_.eat("{")) return false;
  std::size_t rest = c_.pos;
  c_.skip_to_line_end();
  b.after_open = std::string(c_.text().substr(rest, c_.pos - rest));
  return c_.eat_newline();
}

std::optional<ast::Comment> Parser::trailing_comment() {
  Checkpoint cp(c_);
  auto com = c_.parse_comment();
  if (com) cp.commit();
  return com;
}

std::optional<ast::Attribute> Parser::block_attribute_line() {
  // block_attribute ~ NEWLINE, where block_attribute = "@@" path args? trailing_comment?
  Checkpoint cp(c_);
  auto attr = c_.parse_attribute(true);
  if (!attr) return std::nullopt;
  if (auto com = trailing_comment()) {
    attr->span.end = com->span.end;
    attr->trailing_comment = std::move(com);
  }
  c_.skip_ws();
  if (!c_.eat_newline()) return std::nullopt;
  cp.commit();
  return attr;
}

bool Parser::field_type(ast::Field& field, bool& legacy_error) {
  // field_type = unsupported_optional_list | list | optional | legacy_required | legacy_list |
  // base_type, where base_type = "Unsupported(" string ")" | identifier.
  auto base = [&]() -> std::optional<ast::FieldType> {
    Checkpoint cp(c_);
    std::size_t start = c_.pos;
    if (c_.eat("Unsupported(")) {
      c_.skip_ws();
      if (auto s = c_.parse_string_literal()) {
        c_.skip_ws();
        if (c_.eat(")")) {
          cp.commit();
          return ast::FieldType{true, s->value, c_.span(start, c_.pos)};
        }
      }
      c_.pos = start;
    }
    if (auto id = c_.parse_identifier()) {
      cp.commit();
      return ast::FieldType{false, id->name, id->span};
    }
    return std::nullopt;
  };
  std::size_t start = c_.pos;
  if (auto t = base()) {
    std::size_t after_base = c_.pos;
    c_.skip_ws();
    if (c_.eat("[]")) {
      std::size_t after_list = c_.pos;
      c_.skip_ws();
      if (c_.eat("?")) {
        c_.diags().error("Optional lists are not supported. Use either `Type[]` or `Type?`.",
                         c_.span(start, c_.pos));
        legacy_error = true;
        return true;
      }
      c_.pos = after_list;
      field.type = *t;
      field.arity = ast::Arity::List;
      return true;
    }
    if (c_.eat("?")) {
      field.type = *t;
      field.arity = ast::Arity::Optional;
      return true;
    }
    if (c_.eat("!")) {
      c_.diags().error("Fields are required by default, `!` is no longer required.",
                       c_.span(start, c_.pos));
      legacy_error = true;
      return true;
    }
    c_.pos = after_base;
    field.type = *t;
    field.arity = ast::Arity::Required;
    return true;
  }
  Checkpoint cp(c_);
  if (c_.eat("[")) {
    c_.skip_ws();
    if (base()) {
      c_.skip_ws();
      if (c_.eat("]")) {
        cp.commit();
        c_.diags().error("To specify a list, please use `Type[]` instead of `[Type]`.",
                         c_.span(start, c_.pos));
        legacy_error = true;
        return true;
      }
    }
  }
  return false;
}

std::optional<ast::Field> Parser::field_declaration(const ast::Block& b, std::string& pending) {
  // identifier LEGACY_COLON? field_type? field_attribute* trailing_comment? NEWLINE
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  std::size_t mark = c_.diags().size();
  auto name = c_.parse_identifier();
  if (!name) return std::nullopt;
  ast::Field field;
  field.name = std::move(*name);
  bool type_error = false;
  std::optional<Span> colon;
  c_.skip_ws();
  if (c_.at(":")) {
    colon = c_.span(c_.pos, c_.pos + 1);
    c_.pos += 1;
  }
  {
    Checkpoint t(c_);
    c_.skip_ws();
    if (field_type(field, type_error)) t.commit();
  }
  std::size_t after_type = c_.diags().size();
  while (true) {
    Checkpoint a(c_);
    c_.skip_ws();
    auto attr = c_.parse_attribute(false);
    if (!attr) break;
    field.attributes.push_back(std::move(*attr));
    a.commit();
  }
  field.trailing_comment = trailing_comment();
  c_.skip_ws();
  if (!c_.eat_newline()) return std::nullopt;
  field.span = c_.span(start, c_.pos);
  cp.commit();
  // Prisma builds the field from its parts in order and stops at the first broken one, so
  // errors in later parts are not reported.
  bool invalid = true;
  if (colon) {
    c_.diags().truncate(mark);
    c_.diags().error("Field declarations don't require a `:`.", *colon);
  } else if (type_error) {
    c_.diags().truncate(after_type);
  } else if (!field.type) {
    const char* container = b.kind == ast::BlockKind::CompositeType ? "composite type"
                            : b.kind == ast::BlockKind::View        ? "view"
                                                                    : "model";
    c_.diags().error(std::string("Error validating ") + container + " \"" + b.name.name +
                         "\": This field declaration is invalid. It is either missing a name or "
                         "a type.",
                     field.span);
  } else {
    invalid = false;
  }
  field.documentation = pending;
  pending.clear();
  if (field.trailing_comment && field.trailing_comment->kind != ast::Comment::Kind::Line)
    append_doc(field.documentation, doc_text({*field.trailing_comment}));
  if (invalid) field.type.reset();
  return field;
}

bool Parser::model_like(ast::File& f, std::string& pending_doc) {
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  ast::Block b;
  if (c_.eat("model")) {
    b.kind = ast::BlockKind::Model;
  } else if (c_.eat("type")) {
    b.kind = ast::BlockKind::CompositeType;
  } else if (c_.eat("view")) {
    b.kind = ast::BlockKind::View;
  } else {
    return false;
  }
  b.keyword = {std::string(c_.text().substr(start, c_.pos - start)), c_.span(start, c_.pos)};
  c_.skip_ws();
  auto name = c_.parse_identifier();
  if (!name) return false;
  b.name = std::move(*name);
  if (!block_open(b)) return false;
  std::size_t body_start = c_.pos;
  std::string pending;  // field documentation from the last comment block
  while (true) {
    c_.skip_ws();
    if (c_.eof()) return false;
    if (c_.at("}")) break;
    if (auto field = field_declaration(b, pending)) {
      if (!field->type) {  // reported; Prisma drops the field
        b.items.push_back({ast::Item::Kind::Invalid, 0, 1, field->span});
        continue;
      }
      b.items.push_back({ast::Item::Kind::Field, b.fields.size(), 1, field->span});
      b.fields.push_back(std::move(*field));
      continue;
    }
    if (auto attr = block_attribute_line()) {
      b.items.push_back({ast::Item::Kind::Attribute, b.attributes.size(), 1, attr->span});
      b.attributes.push_back(std::move(*attr));
      continue;
    }
    std::vector<ast::Comment> run;
    if (comment_block(b.comments, b.items, &run)) {
      pending = doc_text(run);
      continue;
    }
    if (empty_lines(b.items)) continue;
    Span s = catch_all_line();
    c_.diags().error("Error validating: This line is not a valid field or attribute definition.",
                     s);
    b.items.push_back({ast::Item::Kind::Invalid, 0, 1, s});
  }
  b.body_span = c_.span(body_start, c_.pos);
  c_.pos += 1;  // "}"
  b.span = c_.span(start, c_.pos);
  b.documentation = pending_doc;
  cp.commit();
  f.items.push_back({ast::Item::Kind::Block, f.blocks.size(), 1, b.span});
  f.blocks.push_back(std::move(b));
  return true;
}

std::optional<ast::EnumValue> Parser::enum_value(std::string& pending) {
  // identifier field_attribute* trailing_comment? NEWLINE
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  auto name = c_.parse_identifier();
  if (!name) return std::nullopt;
  ast::EnumValue v;
  v.name = std::move(*name);
  while (true) {
    Checkpoint a(c_);
    c_.skip_ws();
    auto attr = c_.parse_attribute(false);
    if (!attr) break;
    v.attributes.push_back(std::move(*attr));
    a.commit();
  }
  v.trailing_comment = trailing_comment();
  c_.skip_ws();
  if (!c_.eat_newline()) return std::nullopt;
  v.span = c_.span(start, c_.pos);
  cp.commit();
  v.documentation = pending;
  pending.clear();
  if (v.trailing_comment && v.trailing_comment->kind != ast::Comment::Kind::Line)
    append_doc(v.documentation, doc_text({*v.trailing_comment}));
  return v;
}

bool Parser::enum_block(ast::File& f, std::string& pending_doc) {
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  if (!c_.eat("enum")) return false;
  ast::Block b;
  b.kind = ast::BlockKind::Enum;
  b.keyword = {"enum", c_.span(start, c_.pos)};
  c_.skip_ws();
  auto name = c_.parse_identifier();
  if (!name) return false;
  b.name = std::move(*name);
  if (!block_open(b)) return false;
  std::size_t body_start = c_.pos;
  std::string pending;
  while (true) {
    c_.skip_ws();
    if (c_.eof()) return false;
    if (c_.at("}")) break;
    if (auto v = enum_value(pending)) {
      b.items.push_back({ast::Item::Kind::EnumValue, b.values.size(), 1, v->span});
      b.values.push_back(std::move(*v));
      continue;
    }
    if (auto attr = block_attribute_line()) {
      b.items.push_back({ast::Item::Kind::Attribute, b.attributes.size(), 1, attr->span});
      b.attributes.push_back(std::move(*attr));
      continue;
    }
    std::vector<ast::Comment> run;
    if (comment_block(b.comments, b.items, &run)) {
      pending = doc_text(run);
      continue;
    }
    if (empty_lines(b.items)) continue;
    Span s = catch_all_line();
    c_.diags().error("Error validating: This line is not an enum value definition.", s);
    b.items.push_back({ast::Item::Kind::Invalid, 0, 1, s});
  }
  b.body_span = c_.span(body_start, c_.pos);
  c_.pos += 1;
  b.span = c_.span(start, c_.pos);
  b.documentation = pending_doc;
  cp.commit();
  f.items.push_back({ast::Item::Kind::Block, f.blocks.size(), 1, b.span});
  f.blocks.push_back(std::move(b));
  return true;
}

std::optional<ast::Property> Parser::key_value() {
  // identifier "=" expression? trailing_comment? NEWLINE
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  auto name = c_.parse_identifier();
  if (!name) return std::nullopt;
  c_.skip_ws();
  if (!c_.eat("=")) return std::nullopt;
  ast::Property p;
  p.name = std::move(*name);
  {
    Checkpoint v(c_);
    c_.skip_ws();
    if (auto value = c_.parse_expression()) {
      p.value = std::move(*value);
      v.commit();
    }
  }
  p.trailing_comment = trailing_comment();
  std::size_t end = c_.pos;
  c_.skip_ws();
  if (!c_.eat_newline()) return std::nullopt;
  p.span = c_.span(start, end);
  cp.commit();
  return p;
}

bool Parser::config_block(ast::File& f, std::string& pending_doc) {
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  ast::Block b;
  if (c_.eat("datasource")) {
    b.kind = ast::BlockKind::Datasource;
  } else if (c_.eat("generator")) {
    b.kind = ast::BlockKind::Generator;
  } else {
    return false;
  }
  b.keyword = {std::string(c_.text().substr(start, c_.pos - start)), c_.span(start, c_.pos)};
  c_.skip_ws();
  auto name = c_.parse_identifier();
  if (!name) return false;
  b.name = std::move(*name);
  if (!block_open(b)) return false;
  std::size_t body_start = c_.pos;
  while (true) {
    c_.skip_ws();
    if (c_.eof()) return false;
    if (c_.at("}")) break;
    if (auto p = key_value()) {
      b.items.push_back({ast::Item::Kind::Property, b.properties.size(), 1, p->span});
      b.properties.push_back(std::move(*p));
      continue;
    }
    if (comment_block(b.comments, b.items, nullptr)) continue;
    if (empty_lines(b.items)) continue;
    Span s = catch_all_line();
    c_.diags().error(
        "Error validating: This line is not a valid definition within a " + b.keyword.name + ".",
        s);
    b.items.push_back({ast::Item::Kind::Invalid, 0, 1, s});
  }
  b.body_span = c_.span(body_start, c_.pos);
  c_.pos += 1;
  b.span = c_.span(start, c_.pos);
  b.documentation = pending_doc;
  cp.commit();
  f.items.push_back({ast::Item::Kind::Block, f.blocks.size(), 1, b.span});
  f.blocks.push_back(std::move(b));
  return true;
}

bool Parser::type_alias() {
  // TYPE_KEYWORD identifier "=" base_type field_attribute*
  Checkpoint cp(c_);
  if (!c_.eat("type")) return false;
  c_.skip_ws();
  if (!c_.parse_identifier()) return false;
  c_.skip_ws();
  if (!c_.eat("=")) return false;
  c_.skip_ws();
  if (c_.eat("Unsupported(")) {
    c_.skip_ws();
    if (!c_.parse_string_literal()) return false;
    c_.skip_ws();
    if (!c_.eat(")")) return false;
  } else if (!c_.parse_identifier()) {
    return false;
  }
  while (true) {
    Checkpoint a(c_);
    c_.skip_ws();
    if (!c_.parse_attribute(false)) break;
    a.commit();
  }
  cp.commit();
  return true;
}

bool Parser::arbitrary_block() {
  // identifier BLOCK_OPEN ((!BLOCK_CLOSE ANY) | NEWLINE)* BLOCK_CLOSE
  Checkpoint cp(c_);
  if (!c_.parse_identifier()) return false;
  ast::Block ignored;
  if (!block_open(ignored)) return false;
  auto close = c_.text().find('}', c_.pos);
  if (close == std::string_view::npos) return false;
  c_.pos = close + 1;
  cp.commit();
  return true;
}

}  // namespace

ast::File parse_file(std::string_view text, std::uint32_t file_id, Diagnostics& diags) {
  Parser p(text, file_id, diags);
  return p.run();
}

ast::Schema parse_schema(const SchemaSource& source, Diagnostics& diags) {
  ast::Schema s;
  for (std::size_t i = 0; i < source.files.size(); ++i)
    s.files.push_back(parse_file(source.files[i].text, static_cast<std::uint32_t>(i), diags));
  return s;
}

}  // namespace godwit::psl
