#pragma once
// The one error type that ends a command. Expected findings (lint, validation) are
// Diagnostic values instead; an Error is what a command cannot go on after.

#include <optional>
#include <stdexcept>
#include <string>

namespace godwit::core {

/// Where an error points: a file, and a 1-based line and column (0 = unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A command-ending error with a stable code.
/// - `code`: Prisma's P-code where Prisma has one (prisma-compat.md §6), else a `GW`-code
///   (docs/error-codes.md).
/// - `message`: what happened; may span several lines.
/// - `hint`: what to do about it; empty when there is nothing useful to say.
/// - `where`: the file/line it concerns, when known.
class Error : public std::runtime_error {
 public:
  Error(std::string code, std::string message, std::string hint = {},
        std::optional<SourceLocation> where = std::nullopt);

  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }
  const std::optional<SourceLocation>& where() const { return where_; }

  /// Process exit code for this error (1 for all errors, as Prisma's CLI).
  int exit_code() const { return 1; }

  /// "Error: <code>\n\n<message>\n\n<hint>" as shown on stderr.
  std::string render() const;

 private:
  std::string code_;
  std::string message_;
  std::string hint_;
  std::optional<SourceLocation> where_;
};

}  // namespace godwit::core
