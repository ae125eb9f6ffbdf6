#include "project/config_lexer.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/error.hpp"

namespace godwit::project::config_lexer {
namespace {

bool ident_start(unsigned char c) {
  return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80;
}
bool ident_char(unsigned char c) {
  return ident_start(c) || std::isdigit(c);
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

[[noreturn]] void fail(const std::string& file, int line, const std::string& what) {
  throw core::Error("GW2020", fmt::format("{}:{}: {}", file, line, what),
                    "godwit reads prisma.config.ts without running it; see README.md "
                    "(Configuration) for the forms it reads. Pass --schema, --url and "
                    "--migrations instead, or --config with a simpler file.",
                    core::SourceLocation{file, line, 0});
}

std::vector<Token> lex(std::string_view s, const std::string& file) {
  std::vector<Token> out;
  std::size_t i = 0;
  int line = 1;
  bool nl = false;
  if (s.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') {
      ++line, ++i, nl = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (s.substr(i).starts_with("//") || (i == 0 && s.starts_with("#!"))) {
      while (i < s.size() && s[i] != '\n')
        ++i;
      continue;
    }
    if (s.substr(i).starts_with("/*")) {
      int start = line;
      auto end = s.find("*/", i + 2);
      if (end == std::string_view::npos) fail(file, start, "unterminated /* comment");
      for (auto k = i; k < end; ++k)
        if (s[k] == '\n') ++line, nl = true;
      i = end + 2;
      continue;
    }
    Token t;
    t.line = line;
    t.newline_before = nl;
    nl = false;
    if (ident_start(static_cast<unsigned char>(c))) {
      auto b = i;
      while (i < s.size() && ident_char(static_cast<unsigned char>(s[i])))
        ++i;
      t.kind = Tok::kIdent;
      t.text = std::string(s.substr(b, i - b));
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      auto b = i;
      while (i < s.size() &&
             (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == '_'))
        ++i;
      t.kind = Tok::kNumber;
      t.text = std::string(s.substr(b, i - b));
    } else if (c == '"' || c == '\'' || c == '`') {
      t.kind = Tok::kString;
      ++i;
      for (;;) {
        if (i >= s.size() || (c != '`' && s[i] == '\n')) {
          fail(file, t.line, "unterminated string");
        }
        char d = s[i];
        if (d == c) {
          ++i;
          break;
        }
        if (d == '\n') ++line;
        if (c == '`' && d == '$' && i + 1 < s.size() && s[i + 1] == '{')
          t.kind = Tok::kTemplateExpr;
        if (d != '\\') {
          t.text += d;
          ++i;
          continue;
        }
        if (i + 1 >= s.size()) fail(file, t.line, "unterminated string");
        char e = s[i + 1];
        i += 2;
        switch (e) {
          case 'n':
            t.text += '\n';
            break;
          case 't':
            t.text += '\t';
            break;
          case 'r':
            t.text += '\r';
            break;
          case '0':
            t.text += '\0';
            break;
          case '\n':
            ++line;
            break;  // line continuation
          case 'u': {
            unsigned cp = 0;
            int digits = 0;
            while (digits < 4 && i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) {
              cp = cp * 16 + static_cast<unsigned>(std::stoi(std::string(1, s[i]), nullptr, 16));
              ++i, ++digits;
            }
            if (digits != 4) fail(file, t.line, "a \\u escape godwit does not read (use \\uXXXX)");
            append_utf8(t.text, cp);
            break;
          }
          default:
            t.text += e;
        }
      }
    } else {
      t.kind = Tok::kPunct;
      static constexpr std::string_view kLong[] = {"...", "??", "||", "&&", "=>", "?."};
      t.text = std::string(1, c);
      for (auto p : kLong) {
        if (s.substr(i).starts_with(p)) {
          t.text = std::string(p);
          break;
        }
      }
      i += t.text.size();
    }
    out.push_back(std::move(t));
  }
  Token end;
  end.line = line;
  end.newline_before = true;
  out.push_back(end);
  return out;
}

}  // namespace godwit::project::config_lexer
