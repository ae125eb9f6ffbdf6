#include "project/config_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "project/config_lexer.hpp"

namespace godwit::project {
namespace fs = std::filesystem;
namespace {
using config_lexer::fail;
using config_lexer::lex;
using config_lexer::Tok;
using config_lexer::Token;

struct Unreadable {
  int line;
  std::string what;
  bool complete = false;  // `what` already names what was found (an unreadable constant)
};

class Reader {
 public:
  Reader(std::vector<Token> toks, std::string file) : t_(std::move(toks)), file_(std::move(file)) {}

  ConfigFile run() {
    ConfigFile cf;
    bool found = false;
    while (peek().kind != Tok::kEnd) {
      const auto& k = peek();
      if (is("import") && !is_at(1, "(") && !is_at(1, ".")) {
        read_import(cf);
      } else if (is("export") && is_at(1, "default")) {
        cf.export_line = k.line;
        pos_ += 2;
        cf.root = expression_statement();
        found = true;
      } else if (is("module") && is_at(1, ".") && is_at(2, "exports") && is_at(3, "=")) {
        cf.export_line = k.line;
        pos_ += 4;
        cf.root = expression_statement();
        found = true;
      } else if (is("export") && (is_at(1, "const") || is_at(1, "let") || is_at(1, "var"))) {
        ++pos_;
        read_binding();
      } else if (is("const") || is("let") || is("var")) {
        read_binding();
      } else {
        auto b = pos_;
        skip_statement();
        for (auto j = b; j < pos_; ++j) {  // require('dotenv') / require('dotenv/config')
          if (t_[j].kind != Tok::kString) continue;
          if (t_[j].text == "dotenv") dotenv_imported_ = true;
          if (t_[j].text == "dotenv/config") cf.loads_dotenv = true;
        }
        for (auto j = b; j + 1 < pos_; ++j) {
          if (!dotenv_imported_ || t_[j].kind != Tok::kIdent || t_[j].text != "config" ||
              t_[j + 1].text != "(") {
            continue;
          }
          if (j + 2 < pos_ && t_[j + 2].text != ")") {
            fail(file_, t_[j].line,
                 "dotenv's config() with options is not read by godwit; set the variables in "
                 "the environment, or load `.env` with `import \"dotenv/config\"`");
          }
          cf.loads_dotenv = true;
        }
      }
    }
    if (!found) {
      fail(file_, t_.back().line,
           "no `export default` (or `module.exports =`) found: the config's default export is "
           "what Prisma reads");
    }
    if (cf.root.kind == ConfigNode::Kind::kUnreadable) {
      fail(file_, cf.root.line,
           fmt::format("the default export is not a value godwit can read without running the "
                       "file ({})",
                       cf.root.text));
    }
    if (cf.root.kind != ConfigNode::Kind::kObject) {
      fail(file_, cf.export_line, "the default export is not an object");
    }
    return cf;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const {
    return t_[std::min(pos_ + ahead, t_.size() - 1)];
  }
  bool is(std::string_view text) const { return is_at(0, text); }
  bool is_at(std::size_t ahead, std::string_view text) const {
    const auto& k = peek(ahead);
    return (k.kind == Tok::kIdent || k.kind == Tok::kPunct) && k.text == text;
  }
  void expect(std::string_view text) {
    if (!is(text)) throw Unreadable{peek().line, fmt::format("expected `{}`", text)};
    ++pos_;
  }
  static bool statement_keyword(const Token& k) {
    static const char* kWords[] = {"import", "export", "const",     "let",   "var",  "function",
                                   "module", "type",   "interface", "class", "async"};
    if (k.kind != Tok::kIdent) return false;
    for (auto* w : kWords)
      if (k.text == w) return true;
    return false;
  }

  // Skips balanced tokens until `stop(token)` holds at depth 0 (not consumed).
  template <class Stop>
  void skip_balanced(Stop stop) {
    int depth = 0;
    int start = peek().line;
    while (peek().kind != Tok::kEnd) {
      const auto& k = peek();
      if (depth == 0 && stop(k)) return;
      if (k.kind == Tok::kPunct && (k.text == "(" || k.text == "[" || k.text == "{")) ++depth;
      if (k.kind == Tok::kPunct && (k.text == ")" || k.text == "]" || k.text == "}")) {
        if (depth == 0) return;
        --depth;
      }
      ++pos_;
    }
    if (depth > 0) fail(file_, start, "unbalanced brackets: the file ends inside ( [ or {");
  }

  void skip_statement() {
    auto first = pos_;
    skip_balanced([&](const Token& k) {
      if (k.kind == Tok::kPunct && k.text == ";") return true;
      return pos_ > first && k.newline_before && statement_keyword(k);
    });
    if (peek().kind == Tok::kPunct && (is(")") || is("]") || is("}"))) {
      fail(file_, peek().line, fmt::format("unexpected `{}`", peek().text));
    }
    if (is(";")) ++pos_;
  }

  // `import … from "m"` / `import "m"`: ends at the module's string.
  void read_import(ConfigFile& cf) {
    while (peek().kind != Tok::kEnd && peek().kind != Tok::kString)
      ++pos_;
    if (peek().kind == Tok::kEnd) fail(file_, peek().line, "an import without a module name");
    const auto& m = peek().text;
    if (m == "dotenv/config") cf.loads_dotenv = true;
    if (m == "dotenv") dotenv_imported_ = true;
    ++pos_;
    if (is(";")) ++pos_;
  }

  void read_binding() {
    ++pos_;  // const/let/var
    if (peek().kind != Tok::kIdent) {
      skip_statement();
      return;
    }
    std::string name = peek().text;
    ++pos_;
    if (is(":")) {
      ++pos_;
      skip_type();
    }
    if (!is("=")) {
      skip_statement();
      return;
    }
    ++pos_;
    auto value = expression_statement();
    binding_sizes_[name] = size_of(value);
    bindings_[name] = std::move(value);
  }

  static std::size_t size_of(const ConfigNode& n) {
    std::size_t size = 1;
    for (const auto& item : n.items)
      size += size_of(item);
    for (const auto& [key, value] : n.members)
      size += size_of(value);
    return size;
  }

  // Constants are copied where they are named: a file naming big constants many times (each
  // built from the previous one) would grow exponentially.
  void charge(const std::string& name, int line) {
    copied_ += binding_sizes_[name];
    if (copied_ > 100000) fail(file_, line, "constants are named too many times");
  }

  // EXPR at statement level: must end at `;`, a line end or the end of the file.
  ConfigNode expression_statement() {
    auto b = pos_;
    ConfigNode n = lenient([&] {
      auto v = expression();
      if (!is(";") && !peek().newline_before) {
        throw Unreadable{peek().line, fmt::format("`{}` after the value", peek().text)};
      }
      return v;
    });
    if (n.kind == ConfigNode::Kind::kUnreadable) {
      pos_ = b;
      skip_statement();
    } else if (is(";")) {
      ++pos_;
    }
    return n;
  }

  // Runs `f`; on Unreadable returns a kUnreadable node (the caller skips the tokens).
  template <class F>
  ConfigNode lenient(F f) {
    auto b = pos_;
    try {
      return f();
    } catch (const Unreadable& u) {
      ConfigNode n;
      n.kind = ConfigNode::Kind::kUnreadable;
      if (u.complete) {
        n.line = u.line;
        n.text = u.what;
        return n;
      }
      n.line = t_[b].line;
      std::string excerpt;
      for (auto j = b; j < t_.size() && j < b + 12 && t_[j].kind != Tok::kEnd; ++j) {
        if (j > b && t_[j].line != t_[b].line) break;
        if (!excerpt.empty() && t_[j].kind == Tok::kIdent &&
            (t_[j - 1].kind == Tok::kIdent || t_[j - 1].kind == Tok::kString)) {
          excerpt += ' ';
        }
        excerpt += t_[j].kind == Tok::kString ? fmt::format("\"{}\"", t_[j].text) : t_[j].text;
      }
      n.text = fmt::format("found `{}`: {}", excerpt, u.what);
      return n;
    }
  }

  void skip_type() {
    int guard = 0;
    while (peek().kind != Tok::kEnd && ++guard < 10000) {
      const auto& k = peek();
      if (k.kind == Tok::kIdent || k.kind == Tok::kString || k.kind == Tok::kNumber ||
          (k.kind == Tok::kPunct && (k.text == "." || k.text == "|" || k.text == "&"))) {
        ++pos_;
        if (peek().newline_before && k.kind != Tok::kPunct) return;
      } else if (is("<")) {
        int depth = 0;
        do {
          if (is("<")) ++depth;
          if (is(">")) --depth;
          ++pos_;
        } while (depth > 0 && peek().kind != Tok::kEnd);
      } else if (is("[") || (is("{") && pos_ > 0 && t_[pos_ - 1].kind == Tok::kPunct)) {
        ++pos_;
        skip_balanced([](const Token&) { return false; });
        if (peek().kind != Tok::kEnd) ++pos_;
      } else {
        return;
      }
    }
  }

  ConfigNode expression() {
    struct Depth {  // restored on the way out, also when Unreadable is thrown
      int& d;
      explicit Depth(int& v) : d(++v) {}
      ~Depth() { --d; }
    } guard(depth_);
    if (depth_ > 200) throw Unreadable{peek().line, "nested too deeply"};
    ConfigNode n = primary();
    for (;;) {
      if (is("as") || is("satisfies")) {
        ++pos_;
        skip_type();
      } else if (is("!") && !is_at(1, "=")) {
        ++pos_;
      } else {
        break;
      }
    }
    return n;
  }

  ConfigNode primary() {
    const Token k = peek();
    ConfigNode n;
    n.line = k.line;
    if (k.kind == Tok::kString) {
      ++pos_;
      n.kind = ConfigNode::Kind::kString;
      n.text = k.text;
    } else if (k.kind == Tok::kTemplateExpr) {
      throw Unreadable{k.line, "a template string with ${…} is computed when the file runs"};
    } else if (k.kind == Tok::kNumber || is("true") || is("false")) {
      ++pos_;
      n.kind = ConfigNode::Kind::kOther;
      n.text = k.text;
    } else if (is("{")) {
      n = object();
    } else if (is("[")) {
      n = list();
    } else if (is("defineConfig") && is_at(1, "(")) {
      pos_ += 2;
      n = expression();
      if (is(",")) ++pos_;
      expect(")");
    } else if (is("env") && (is_at(1, "(") || is_at(1, "<"))) {
      ++pos_;
      if (is("<")) skip_type();
      expect("(");
      if (peek().kind != Tok::kString) {
        throw Unreadable{peek().line, "env(…) takes one string literal"};
      }
      n.kind = ConfigNode::Kind::kEnv;
      n.text = peek().text;
      ++pos_;
      expect(")");
    } else if (is("process") && is_at(1, ".") && is_at(2, "env")) {
      pos_ += 3;
      n.kind = ConfigNode::Kind::kProcessEnv;
      if (is(".") && peek(1).kind == Tok::kIdent) {
        n.text = peek(1).text;
        pos_ += 2;
      } else if (is("[") && peek(1).kind == Tok::kString && is_at(2, "]")) {
        n.text = peek(1).text;
        pos_ += 3;
      } else {
        throw Unreadable{k.line, "process.env is read one variable at a time: process.env.NAME"};
      }
    } else if (k.kind == Tok::kIdent && !is_at(1, "(") && !is_at(1, ".") && !is_at(1, "[") &&
               bindings_.count(k.text)) {
      ++pos_;
      charge(k.text, k.line);
      n = bindings_.at(k.text);
      if (n.kind == ConfigNode::Kind::kUnreadable) throw Unreadable{n.line, n.text, true};
    } else if (k.kind == Tok::kIdent && (is_at(1, "(") || is_at(1, "."))) {
      throw Unreadable{k.line, "a call or property access is computed when the file runs"};
    } else {
      throw Unreadable{k.line, "not a literal, env(\"NAME\"), process.env.NAME or a constant"};
    }
    // Operators that combine values are computed when the file runs.
    static const char* kOps[] = {"+", "-", "*", "/", "??", "||", "&&", "?", "(", "[", "."};
    for (auto* op : kOps) {
      if (is(op) && !peek().newline_before) {
        throw Unreadable{peek().line, fmt::format("`{}` is computed when the file runs", op)};
      }
    }
    return n;
  }

  ConfigNode list() {
    ConfigNode n;
    n.kind = ConfigNode::Kind::kList;
    n.line = peek().line;
    expect("[");
    while (!is("]")) {
      if (is("...")) throw Unreadable{peek().line, "a spread (...) is computed when it runs"};
      n.items.push_back(expression());
      if (!is("]")) expect(",");
    }
    ++pos_;
    return n;
  }

  ConfigNode object() {
    ConfigNode n;
    n.kind = ConfigNode::Kind::kObject;
    n.line = peek().line;
    expect("{");
    while (!is("}")) {
      const Token k = peek();
      if (is("...")) throw Unreadable{k.line, "a spread (...) is computed when the file runs"};
      if (k.kind != Tok::kIdent && k.kind != Tok::kString && k.kind != Tok::kNumber) {
        throw Unreadable{k.line, fmt::format("`{}` where a property name was expected", k.text)};
      }
      ++pos_;
      ConfigNode value;
      if (is(":")) {
        ++pos_;
        auto b = pos_;
        value = lenient([&] { return expression(); });
        if (value.kind == ConfigNode::Kind::kUnreadable) {
          pos_ = b;
          skip_balanced([](const Token& t) { return t.kind == Tok::kPunct && t.text == ","; });
        }
      } else if (k.kind == Tok::kIdent && (is(",") || is("}"))) {
        if (auto it = bindings_.find(k.text); it != bindings_.end()) {  // shorthand `{ name }`
          charge(k.text, k.line);
          value = it->second;
        } else {
          value.kind = ConfigNode::Kind::kUnreadable;
          value.line = k.line;
          value.text = fmt::format("found `{}`: not a constant godwit can read", k.text);
        }
      } else {
        // A method or getter: skip its tokens; reading its key is an error.
        value.kind = ConfigNode::Kind::kUnreadable;
        value.line = k.line;
        value.text = "a method or function is computed when the file runs";
        skip_balanced([](const Token& t) { return t.kind == Tok::kPunct && t.text == ","; });
      }
      n.members.push_back({k.text, std::move(value)});
      if (!is("}")) {
        if (!is(","))
          fail(file_, peek().line,
               fmt::format("expected `,` or `}}` in the object "
                           "that starts on line {}",
                           n.line));
        ++pos_;
      }
      if (peek().kind == Tok::kEnd) fail(file_, n.line, "unterminated object");
    }
    ++pos_;
    return n;
  }

  std::vector<Token> t_;
  std::string file_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool dotenv_imported_ = false;
  std::map<std::string, ConfigNode> bindings_;
  std::map<std::string, std::size_t> binding_sizes_;
  std::size_t copied_ = 0;
};

}  // namespace

const ConfigNode* ConfigNode::member(std::string_view key) const {
  const ConfigNode* found = nullptr;
  for (const auto& [k, v] : members)
    if (k == key) found = &v;
  return found;
}

ConfigFile parse_config(std::string_view text, const std::string& file_name) {
  Reader r(lex(text, file_name), file_name);
  return r.run();
}

ConfigFile read_config_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(path, ec)) {
    throw core::Error("GW2021", fmt::format("Cannot read the config file `{}`.", path.string()),
                      "Check the --config path (Prisma config files are prisma.config.ts, .js, "
                      ".mjs, .cjs, .mts or .cts).");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  auto cf = parse_config(ss.str(), path.string());
  cf.path = fs::absolute(path).lexically_normal();
  return cf;
}

std::optional<fs::path> find_config_file(const fs::path& dir) {
  static const char* kExt[] = {".js", ".ts", ".mjs", ".cjs", ".mts", ".cts"};
  std::vector<std::string> candidates;
  for (auto base : {"prisma7.config", ".config/prisma7"})
    for (auto* e : kExt)
      candidates.push_back(std::string(base) + e);
  for (auto base : {"prisma.config", ".config/prisma", ".config/prisma.config"}) {
    for (auto* e : kExt)
      candidates.push_back(std::string(base) + e);
    for (auto* e : kExt)
      candidates.push_back(std::string(base) + "/index" + e);
  }
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(dir / c, ec)) return dir / c;
  }
  return std::nullopt;
}

}  // namespace godwit::project
