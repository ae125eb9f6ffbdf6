#include "psl/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/unicode.hpp"

namespace godwit::psl {

void Diagnostics::error(std::string message, Span span) {
  items_.push_back({Diagnostic::Severity::Error, std::move(message), span});
}

void Diagnostics::warning(std::string message, Span span) {
  items_.push_back({Diagnostic::Severity::Warning, std::move(message), span});
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
    return d.severity == Diagnostic::Severity::Error;
  }));
}

std::vector<Diagnostic> Diagnostics::errors() const {
  std::vector<Diagnostic> out;
  for (const auto& d : items_)
    if (d.severity == Diagnostic::Severity::Error) out.push_back(d);
  return out;
}

std::vector<Diagnostic> Diagnostics::warnings() const {
  std::vector<Diagnostic> out;
  for (const auto& d : items_)
    if (d.severity == Diagnostic::Severity::Warning) out.push_back(d);
  return out;
}

std::string display_path(const SourceFile& file) {
  std::string p = file.path.generic_string();
  while (p.size() > 2 && p.compare(0, 2, "./") == 0)
    p.erase(0, 2);
  return p;
}

namespace {

std::string gutter(std::size_t line_number) {
  if (line_number == 0) return "   | ";
  return fmt::format("{:2} | ", line_number);
}

std::string gutter_blank_like(std::size_t line_number) {
  std::string g = gutter(line_number);
  return std::string(g.size() - 2, ' ') + "| ";
}

// White space that reaches the column where `prefix` ends on a terminal: a tab stays a tab
// (the gutters above and below are as wide, so it stops at the same column), every other
// character counts its display width (two for CJK, none for a combining mark).
std::string caret_padding(std::string_view prefix) {
  std::string pad;
  for (std::size_t i = 0; i < prefix.size();) {
    auto [cp, len] = core::decode_utf8(prefix, i);
    if (cp == '\t') {
      pad += '\t';
    } else {
      pad.append(static_cast<std::size_t>(core::display_width(cp)), ' ');
    }
    i += len;
  }
  return pad;
}

}  // namespace

std::string render_diagnostic(const SchemaSource& source, const Diagnostic& d) {
  const char* title = d.severity == Diagnostic::Severity::Error ? "error" : "warning";
  if (d.span.file >= source.files.size()) return fmt::format("{}: {}\n", title, d.message);
  const SourceFile& file = source.files[d.span.file];
  std::string_view text = file.text;
  std::size_t start = std::min<std::size_t>(d.span.start, text.size());
  std::size_t end = std::clamp<std::size_t>(d.span.end, start, text.size());

  std::vector<std::string_view> lines;
  for (std::size_t pos = 0;;) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  auto count_newlines = [&](std::size_t upto) {
    return static_cast<std::size_t>(std::count(text.begin(), text.begin() + upto, '\n'));
  };
  std::size_t start_line = count_newlines(start);  // 0-based
  std::size_t end_line = count_newlines(end);
  std::size_t line_begin = 0;
  for (std::size_t i = 0; i < start_line; ++i)
    line_begin += lines[i].size() + 1;
  std::string_view line = lines[start_line];
  std::size_t start_in_line = start - line_begin;
  std::size_t end_in_line = std::min(start_in_line + (end - start), line.size());

  auto numbered = [&](std::size_t n) {
    if (n > 0 && n <= lines.size()) return gutter(n) + std::string(lines[n - 1]);
    return gutter(n);
  };
  std::string out = fmt::format("{}: {}\n", title, d.message);
  out += fmt::format("  -->  {}:{}\n", display_path(file), start_line + 1);
  out += gutter(0) + "\n";
  out += numbered(start_line) + "\n";
  out += gutter(start_line + 1) + std::string(line) + "\n";
  // Prisma marks the span with colour; godwit prints carets under it, placed by display
  // column so they line up under multi-byte characters.
  std::string pad = caret_padding(line.substr(0, start_in_line));
  if (end_in_line == start_in_line) {
    out += gutter_blank_like(start_line + 1) + pad + "^ Unexpected token.\n";
  } else {
    std::size_t width =
        core::display_width(line.substr(start_in_line, end_in_line - start_in_line));
    out += gutter_blank_like(start_line + 1) + pad +
           std::string(std::max<std::size_t>(width, 1), '^') + "\n";
  }
  for (std::size_t n = start_line + 2; n < end_line + 2; ++n)
    out += numbered(n) + "\n";
  out += gutter(0) + "\n";
  return out;
}

std::string render_errors(const SchemaSource& source, const Diagnostics& diags) {
  std::string out;
  std::size_t n = 0;
  for (const auto& d : diags.all()) {
    if (d.severity != Diagnostic::Severity::Error) continue;
    out += render_diagnostic(source, d);
    ++n;
  }
  out += fmt::format("\nValidation Error Count: {}\n", n);
  return out;
}

core::Error to_p1012(const SchemaSource& source, const Diagnostics& diags) {
  return core::Error("P1012", "Prisma schema validation\n" + render_errors(source, diags));
}

void throw_if_errors(const SchemaSource& source, const Diagnostics& diags) {
  if (diags.has_errors()) throw to_p1012(source, diags);
}

}  // namespace godwit::psl
