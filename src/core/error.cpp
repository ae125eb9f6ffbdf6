#include "core/error.hpp"

#include <fmt/format.h>

namespace godwit::core {

Error::Error(std::string code, std::string message, std::string hint,
             std::optional<SourceLocation> where)
    : std::runtime_error(code + ": " + message),
      code_(std::move(code)),
      message_(std::move(message)),
      hint_(std::move(hint)),
      where_(std::move(where)) {}

std::string Error::render() const {
  // Prisma prints its connection and URL errors (P1xxx but P1012, the schema's) as
  // `Error: P1001: <message>` on one line, the others as `Error: P3005`, a blank line, then
  // the message; scripts grep for both.
  if (code_.size() == 5 && code_.starts_with("P1") && code_ != "P1012" && !message_.empty() &&
      !(where_ && !where_->file.empty())) {
    std::string out = fmt::format("Error: {}: {}", code_, message_);
    if (out.back() != '\n') out += '\n';
    if (!hint_.empty()) {
      out += "\n" + hint_;
      if (out.back() != '\n') out += '\n';
    }
    return out;
  }
  std::string out = fmt::format("Error: {}\n\n", code_);
  if (where_ && !where_->file.empty()) {
    out += where_->file;
    if (where_->line > 0) out += fmt::format(":{}", where_->line);
    if (where_->column > 0) out += fmt::format(":{}", where_->column);
    out += "\n";
  }
  out += message_;
  if (!out.empty() && out.back() != '\n') out += '\n';
  if (!hint_.empty()) {
    out += "\n" + hint_;
    if (out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace godwit::core
