// Model, view, composite type, enum, datasource and generator blocks and their lines.
#include "psl/parse/parser_impl.hpp"

#include <algorithm>

namespace godwit::psl::detail {

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
          return ast::FieldType{true, std::move(s->value), c_.span(start, c_.pos)};
        }
      }
      c_.pos = start;
    }
    if (auto id = c_.parse_identifier()) {
      cp.commit();
      return ast::FieldType{false, std::string(id->name), id->span};
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
      field.type = std::move(*t);
      field.arity = ast::Arity::List;
      return true;
    }
    if (c_.eat("?")) {
      field.type = std::move(*t);
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
    field.type = std::move(*t);
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

bool Parser::field_declaration(const ast::Block& b, std::string& pending, ast::Field& field) {
  // identifier LEGACY_COLON? field_type? field_attribute* trailing_comment? NEWLINE
  Checkpoint cp(c_);
  std::size_t start = c_.pos;
  std::size_t mark = c_.diags().size();
  auto name = c_.parse_identifier();
  if (!name) return false;
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
  c_.field_attributes(field.attributes);
  field.trailing_comment = trailing_comment();
  c_.skip_ws();
  if (!c_.eat_newline()) return false;
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
    c_.diags().error(std::string("Error validating ") + container + " \"" +
                         std::string(b.name.name) +
                         "\": This field declaration is invalid. It is either missing a name or "
                         "a type.",
                     field.span);
  } else {
    invalid = false;
  }
  field.documentation = std::move(pending);
  pending.clear();
  if (field.trailing_comment && field.trailing_comment->kind != ast::Comment::Kind::Line)
    append_doc(field.documentation, doc_text({*field.trailing_comment}));
  if (invalid) field.type.reset();
  return true;
}

bool Parser::block_header(ast::Block& b, std::size_t start) {
  b.keyword = {c_.text().substr(start, c_.pos - start), c_.span(start, c_.pos)};
  c_.skip_ws();
  auto name = c_.parse_identifier();
  if (!name) return false;
  b.name = std::move(*name);
  return block_open(b);
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
  if (!block_header(b, start)) return false;
  std::size_t body_start = c_.pos;
  {
    // Sizes from the lines up to the next `}` (a guess only when a `}` sits in a string or
    // comment): about one item per line, and a field on each line that starts with a name.
    // Reserving saves moving every field as the vector grows.
    std::string_view rest = c_.text().substr(body_start);
    rest = rest.substr(0, rest.find('}'));
    std::size_t lines = 0, fields = 0;
    for (std::size_t line = 0; line < rest.size();) {
      std::size_t first = line;
      while (first < rest.size() && (rest[first] == ' ' || rest[first] == '\t'))
        ++first;
      if (first < rest.size() &&
          (c_.is_identifier_start(rest[first]) || static_cast<unsigned char>(rest[first]) >= 0x80))
        ++fields;
      std::size_t end = rest.find('\n', line);  // memchr: fast on a 500-model schema
      if (end == std::string_view::npos) break;
      ++lines;
      line = end + 1;
    }
    b.fields.reserve(fields);
    b.items.reserve(lines);
  }
  std::string pending;  // field documentation from the last comment block
  while (true) {
    c_.skip_ws();
    if (c_.eof()) return false;
    if (c_.at("}")) break;
    if (c_.at_identifier_start()) {
      // Parsed in place: a Field is large, and a model has many.
      auto& field = b.fields.emplace_back();
      if (field_declaration(b, pending, field)) {
        if (!field.type) {  // reported; Prisma drops the field
          b.items.push_back({ast::Item::Kind::Invalid, 0, 1, field.span});
          b.fields.pop_back();
          continue;
        }
        b.items.push_back({ast::Item::Kind::Field, b.fields.size() - 1, 1, field.span});
        continue;
      }
      b.fields.pop_back();
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
  b.documentation = std::move(pending_doc);
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
  c_.field_attributes(v.attributes);
  v.trailing_comment = trailing_comment();
  c_.skip_ws();
  if (!c_.eat_newline()) return std::nullopt;
  v.span = c_.span(start, c_.pos);
  cp.commit();
  v.documentation = std::move(pending);
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
  b.documentation = std::move(pending_doc);
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
  if (!block_header(b, start)) return false;
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
    c_.diags().error("Error validating: This line is not a valid definition within a " +
                         std::string(b.keyword.name) + ".",
                     s);
    b.items.push_back({ast::Item::Kind::Invalid, 0, 1, s});
  }
  b.body_span = c_.span(body_start, c_.pos);
  c_.pos += 1;
  b.span = c_.span(start, c_.pos);
  b.documentation = std::move(pending_doc);
  cp.commit();
  f.items.push_back({ast::Item::Kind::Block, f.blocks.size(), 1, b.span});
  f.blocks.push_back(std::move(b));
  return true;
}

}  // namespace godwit::psl::detail
