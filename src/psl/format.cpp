#include "psl/format.hpp"

#include <algorithm>
#include <array>

#include "psl/parser.hpp"

namespace godwit::psl {
namespace {

/// Output with Prisma's indentation rule: indentation is written with the first text of a line.
class Renderer {
 public:
  void write(std::string_view s) {
    if (out_.empty() || out_.back() == '\n')
      out_.append(static_cast<std::size_t>(indent_ * 2), ' ');
    out_ += s;
  }
  void end_line() { out_ += '\n'; }
  void indent_up() { ++indent_; }
  void indent_down() {
    if (indent_ > 0) --indent_;
  }
  std::string& str() { return out_; }

 private:
  std::string out_;
  int indent_ = 0;
};

/// Rows of columns aligned when rendered (ENG renderer/table.rs). A row's suffix (trailing
/// comment) does not take part in the alignment.
class Table {
 public:
  void start_row() { rows_.push_back(Row{}); }
  std::string& column(std::size_t index) {
    Row& r = rows_.back();
    if (r.interleaved) return r.text;
    if (r.columns.size() < index + 1) r.columns.resize(index + 1);
    r.columns.resize(index + 1);
    return r.columns[index];
  }
  void append_suffix(std::string_view s) { rows_.back().suffix += s; }
  void interleave(std::string text) {
    Row r;
    r.interleaved = true;
    r.text = std::move(text);
    rows_.push_back(std::move(r));
  }
  void render(Renderer& out) {
    std::vector<std::size_t> widths;
    for (auto& r : rows_) {
      if (r.interleaved) continue;
      while (!r.columns.empty() && r.columns.back().empty())
        r.columns.pop_back();
      if (widths.size() < r.columns.size()) widths.resize(r.columns.size(), 0);
      for (std::size_t i = 0; i < r.columns.size(); ++i)
        widths[i] = std::max(widths[i], r.columns[i].size());
    }
    for (const auto& r : rows_) {
      if (r.interleaved) {
        out.write(r.text);
      } else {
        for (std::size_t i = 0; i < r.columns.size(); ++i) {
          out.write(r.columns[i]);
          if (i + 1 < r.columns.size())
            out.write(std::string(widths[i] - r.columns[i].size() + 1, ' '));
        }
        if (!r.suffix.empty()) {
          if (!r.columns.empty()) out.write(" ");
          out.write(r.suffix);
        }
      }
      out.end_line();
    }
    rows_.clear();
  }

 private:
  struct Row {
    std::vector<std::string> columns;
    std::string suffix;
    bool interleaved = false;
    std::string text;
  };
  std::vector<Row> rows_;
};

std::size_t attribute_rank(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kOrder = {
      "id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore"};
  for (std::size_t i = 0; i < kOrder.size(); ++i)
    if (kOrder[i] == name) return i;
  return kOrder.size();
}

class Formatter {
 public:
  Formatter(std::string_view text, const ast::File& file) : text_(text), file_(file) {}

  std::string run() {
    const auto& items = file_.items;
    std::size_t i = 0;
    if (i < items.size() && items[i].kind == ast::Item::Kind::EmptyLine) ++i;
    for (; i < items.size(); ++i) {
      const auto& item = items[i];
      // Something right after a `}` on the same line: Prisma puts it on the next line without
      // a blank line, and then adds one when formatting again. godwit adds the blank line at
      // once, so that formatting is idempotent.
      if (i > 0 && items[i - 1].kind == ast::Item::Kind::Block &&
          item.kind != ast::Item::Kind::EmptyLine)
        out_.end_line();
      switch (item.kind) {
        case ast::Item::Kind::Block:
          block(file_.blocks[item.index]);
          break;
        case ast::Item::Kind::Comment: {
          Table t;
          i = comment_run(items, i, file_.comments, t);
          t.render(out_);
          break;
        }
        case ast::Item::Kind::EmptyLine:
          if (i + 1 < items.size()) out_.end_line();
          break;
        case ast::Item::Kind::Invalid:
          out_.write(raw(item.span));
          break;
        default:
          break;
      }
    }
    std::string& s = out_.str();
    if (s.empty() || s.back() != '\n') s += '\n';
    return s;
  }

 private:
  std::string_view raw(Span s) const { return span_text(text_, s); }

  /// Adds the comments starting at items[i] that form one comment block; returns the index of
  /// the last one.
  std::size_t comment_run(const std::vector<ast::Item>& items, std::size_t i,
                          const std::vector<ast::Comment>& comments, Table& t) {
    for (;; ++i) {
      comment_rows(comments[items[i].index], t);
      if (i + 1 >= items.size() || items[i + 1].kind != ast::Item::Kind::Comment) break;
    }
    return i;
  }

  void comment_rows(const ast::Comment& c, Table& t) {
    if (c.kind == ast::Comment::Kind::Block) {
      t.start_row();
      t.append_suffix("/**");
      std::string_view inner(c.text);
      inner = inner.substr(2, inner.size() - 4);
      std::size_t pos = 0;
      while (pos <= inner.size()) {
        auto nl = inner.find('\n', pos);
        std::string_view line =
            inner.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        auto trim = [](std::string_view s) {
          while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
            s.remove_prefix(1);
          while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
            s.remove_suffix(1);
          return s;
        };
        line = trim(line);
        if (!line.empty() && line.front() == '*') {
          line.remove_prefix(1);
          while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        }
        if (!line.empty()) {
          t.start_row();
          t.append_suffix(" * ");
          t.append_suffix(line);
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
      }
      t.start_row();
      t.append_suffix(" */");
      return;
    }
    t.start_row();
    t.append_suffix(c.kind == ast::Comment::Kind::Doc ? "///" : "//");
    t.append_suffix(c.text);
  }

  std::string trailing(const ast::Comment& c) const {
    if (c.kind == ast::Comment::Kind::Block) return c.text;
    return (c.kind == ast::Comment::Kind::Doc ? "///" : "//") + c.text;
  }

  void expression(const ast::Expression& e, std::string& out) const {
    switch (e.kind) {
      case ast::Expression::Kind::Number:
      case ast::Expression::Kind::Constant:
        out += e.value;
        break;
      case ast::Expression::Kind::String:
        out += raw(e.span);
        break;
      case ast::Expression::Kind::Array:
        out += '[';
        for (std::size_t i = 0; i < e.items.size(); ++i) {
          if (i) out += ", ";
          expression(e.items[i], out);
        }
        out += ']';
        break;
      case ast::Expression::Kind::Function:
        out += e.value;
        arguments(e.args, e.empty_args, out);
        break;
      case ast::Expression::Kind::Object:
        // Prisma's formatter: `{ a: 1, b: { not: null } }`.
        out += "{ ";
        for (std::size_t i = 0; i < e.args.size(); ++i) {
          if (i) out += ", ";
          out += e.args[i].name ? e.args[i].name->name : std::string_view();
          out += ": ";
          expression(e.args[i].value, out);
        }
        out += " }";
        break;
    }
  }

  /// Arguments in source order, empty (`name:`) ones included, trailing comma dropped.
  void arguments(const std::vector<ast::Argument>& args, const std::vector<ast::Identifier>& empty,
                 std::string& out) const {
    struct Piece {
      std::uint32_t at;
      const ast::Argument* arg;
      const ast::Identifier* empty;
    };
    std::vector<Piece> pieces;
    for (const auto& a : args)
      pieces.push_back({a.span.start, &a, nullptr});
    for (const auto& e : empty)
      pieces.push_back({e.span.start, nullptr, &e});
    std::sort(pieces.begin(), pieces.end(),
              [](const Piece& a, const Piece& b) { return a.at < b.at; });
    out += '(';
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (i) out += ", ";
      if (pieces[i].arg) {
        if (pieces[i].arg->name) {
          out += pieces[i].arg->name->name;
          out += ": ";
        }
        expression(pieces[i].arg->value, out);
      } else {
        out += pieces[i].empty->name;
        out += ": ";
      }
    }
    out += ')';
  }

  std::string attribute(const ast::Attribute& a, std::string_view at) const {
    std::string out(at);
    out += a.name.name;
    if (a.has_parens) arguments(a.args, a.empty_args, out);
    return out;
  }

  template <class T>
  std::vector<const ast::Attribute*> sorted(const std::vector<T>& attrs) const {
    std::vector<const ast::Attribute*> out;
    for (const auto& a : attrs)
      out.push_back(&a);
    std::stable_sort(out.begin(), out.end(), [](const ast::Attribute* a, const ast::Attribute* b) {
      return attribute_rank(a->name.name) < attribute_rank(b->name.name);
    });
    return out;
  }

  void field(const ast::Field& f, Table& t) const {
    t.start_row();
    t.column(0) = f.name.name;
    if (f.type) {
      std::string ty(raw(f.type->span));
      if (f.arity == ast::Arity::Optional) ty += '?';
      if (f.arity == ast::Arity::List) ty += "[]";
      t.column(1) = ty;
    }
    std::string attrs;
    for (const auto* a : sorted(f.attributes)) {
      if (!attrs.empty()) attrs += ' ';
      attrs += attribute(*a, "@");
    }
    if (!attrs.empty()) t.column(2) = attrs;
    if (f.trailing_comment) t.append_suffix(trailing(*f.trailing_comment));
  }

  void block(const ast::Block& b) {
    out_.write(b.keyword.name);
    out_.write(" ");
    out_.write(b.name.name);
    out_.write(" {");
    out_.end_line();
    out_.indent_up();

    const auto& items = b.items;
    using K = ast::Item::Kind;
    std::size_t i = 0;
    if (i < items.size() && items[i].kind == K::EmptyLine) ++i;
    Table table;
    struct PendingAttr {
      std::vector<const ast::Comment*> comments;
      const ast::Attribute* attr;
    };
    std::vector<PendingAttr> attrs;
    std::vector<const ast::Comment*> pending;
    while (true) {
      bool ate = false;
      if (i < items.size() && items[i].kind == K::EmptyLine) {
        ate = true;
        ++i;
      }
      if (ate) {
        bool quiet =
            i >= items.size() || items[i].kind == K::Attribute || items[i].kind == K::Comment;
        if (!quiet) {
          table.render(out_);
          table.start_row();
        }
      }
      if (i >= items.size()) break;
      const auto& item = items[i];
      switch (item.kind) {
        case K::Comment: {
          std::size_t last = i;
          while (last + 1 < items.size() && items[last + 1].kind == K::Comment)
            ++last;
          if (last + 1 < items.size() && items[last + 1].kind == K::Attribute) {
            pending.clear();
            for (std::size_t k = i; k <= last; ++k)
              pending.push_back(&b.comments[items[k].index]);
          } else {
            if (ate) {
              table.render(out_);
              table.start_row();
            }
            for (std::size_t k = i; k <= last; ++k)
              comment_rows(b.comments[items[k].index], table);
          }
          i = last;
          break;
        }
        case K::Field:
          field(b.fields[item.index], table);
          break;
        case K::Property: {
          const auto& p = b.properties[item.index];
          table.start_row();
          table.column(0) = p.name.name;
          if (p.value) {
            std::string v = "= ";
            expression(*p.value, v);
            table.column(1) = v;
          } else {
            // Prisma drops the `=` of `key =` (and the result no longer parses); keep it.
            table.column(1) = "=";
          }
          if (p.trailing_comment) table.append_suffix(trailing(*p.trailing_comment));
          break;
        }
        case K::EnumValue: {
          const auto& v = b.values[item.index];
          table.start_row();
          table.column(0) = v.name.name;
          for (const auto* a : sorted(v.attributes))
            table.column(1) += attribute(*a, "@");
          if (v.trailing_comment) table.append_suffix(trailing(*v.trailing_comment));
          break;
        }
        case K::Attribute:
          attrs.push_back({pending, &b.attributes[item.index]});
          pending.clear();
          break;
        case K::Invalid: {
          std::string_view s = raw(item.span);
          while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
            s.remove_suffix(1);
          table.interleave(std::string(s));
          break;
        }
        default:
          break;
      }
      ++i;
    }
    table.render(out_);
    if (!attrs.empty()) table.start_row();
    std::stable_sort(attrs.begin(), attrs.end(), [](const PendingAttr& a, const PendingAttr& b) {
      return attribute_rank(a.attr->name.name) < attribute_rank(b.attr->name.name);
    });
    for (const auto& pa : attrs) {
      for (const auto* c : pa.comments)
        comment_rows(*c, table);
      table.start_row();
      table.column(0) = attribute(*pa.attr, "@@");
      if (pa.attr->trailing_comment) table.append_suffix(trailing(*pa.attr->trailing_comment));
    }
    table.render(out_);
    out_.indent_down();
    out_.write("}");
    out_.end_line();
  }

  std::string_view text_;
  const ast::File& file_;
  Renderer out_;
};

}  // namespace

std::string format_file(std::string_view text, std::uint32_t file_id, Diagnostics& diags) {
  ast::File file = parse_file(text, file_id, diags);
  return Formatter(text, file).run();
}

}  // namespace godwit::psl
