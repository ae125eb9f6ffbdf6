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
