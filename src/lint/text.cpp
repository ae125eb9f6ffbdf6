#include "lint/text.hpp"

#include <fmt/format.h>

namespace godwit::lint {
namespace {

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The statement's first line, so a finding stays a few lines long for a 500-line CREATE.
std::string first_line(std::string_view s) {
  std::size_t nl = s.find('\n');
  std::string_view head = s.substr(0, nl);
  while (!head.empty() && (head.back() == '\r' || head.back() == ' '))
    head.remove_suffix(1);
  return std::string(head) + (nl == std::string_view::npos ? "" : " ...");
}

}  // namespace

std::string summary_line(const Report& r) {
  return fmt::format("{}, {}, {} in {} ({})", plural(r.count(Severity::kError), "error", "errors"),
                     plural(r.count(Severity::kWarning), "warning", "warnings"),
                     plural(r.count(Severity::kInfo), "note", "notes"),
                     plural(r.files, "file", "files"),
                     plural(r.statements, "statement", "statements"));
}

std::string render_text(const Report& report) {
  std::string out;
  for (const auto& f : report.findings) {
    out += fmt::format("{}:{}: {} [{}] {}\n", f.file, f.line, severity_name(f.severity), f.code,
                       f.message);
    if (!f.statement.empty()) out += fmt::format("  statement: {}\n", first_line(f.statement));
    if (!f.lock.empty()) {
      out += fmt::format("  lock: {}{}\n", f.lock, f.blocks.empty() ? "" : " - " + f.blocks);
    }
    if (!f.note.empty()) out += fmt::format("  why: {}\n", f.note);
    if (!f.safe_sql.empty()) {
      out += "  instead:\n";
      std::string_view sql = f.safe_sql;
      while (!sql.empty()) {
        std::size_t nl = sql.find('\n');
        out += fmt::format("    {}\n", sql.substr(0, nl));
        if (nl == std::string_view::npos) break;
        sql.remove_prefix(nl + 1);
      }
    }
    out += "\n";
  }
  out += summary_line(report) + "\n";
  return out;
}

}  // namespace godwit::lint
