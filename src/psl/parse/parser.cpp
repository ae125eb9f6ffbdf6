#include "psl/parser.hpp"

#include "psl/parse/parser_impl.hpp"

namespace godwit::psl {
namespace detail {

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

Boxed<ast::Comment> Parser::trailing_comment() {
  Checkpoint cp(c_);
  auto com = c_.parse_comment();
  if (!com) return {};
  cp.commit();
  return std::move(*com);
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

}  // namespace detail

ast::File parse_file(std::string_view text, std::uint32_t file_id, Diagnostics& diags) {
  detail::Parser p(text, file_id, diags);
  return p.run();
}

ast::Schema parse_schema(const SchemaSource& source, Diagnostics& diags) {
  ast::Schema s;
  for (std::size_t i = 0; i < source.files.size(); ++i)
    s.files.push_back(parse_file(source.files[i].text, static_cast<std::uint32_t>(i), diags));
  return s;
}

}  // namespace godwit::psl
