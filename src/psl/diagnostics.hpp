#pragma once
// Validation findings with source spans, and their Prisma-style rendering (P1012).
//
// Layout follows Prisma's pretty printer (ENG psl/diagnostics/src/pretty_print.rs): title and
// message, `-->  file:line`, the line before, the offending line, the following lines up to one
// past the span's end, framed by `   | ` lines. Prisma marks the offending text with colour;
// godwit prints no colour, so a caret line under the offending text marks it instead. The
// carets are placed by display column, not byte: a multi-byte character before the span takes
// its width in spaces (two for East Asian wide characters, none for combining marks), a tab
// stays a tab, and the span gets one caret per column it covers.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "psl/datasource.hpp"
#include "psl/span.hpp"

namespace godwit::psl {

struct Diagnostic {
  enum class Severity { Error, Warning };
  Severity severity = Severity::Error;
  std::string message;
  Span span;
};

/// Errors and warnings of one run, in the order they were found.
class Diagnostics {
 public:
  void error(std::string message, Span span);
  void warning(std::string message, Span span);
  void push(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const { return error_count() > 0; }
  std::size_t error_count() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  std::vector<Diagnostic> errors() const;
  std::vector<Diagnostic> warnings() const;

  /// Drops diagnostics added after `mark` (size() before a speculative parse).
  std::size_t size() const { return items_.size(); }
  void truncate(std::size_t mark) {
    if (mark < items_.size()) items_.resize(mark);
  }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

 private:
  std::vector<Diagnostic> items_;
};

/// The display name of a schema file in messages: its path as given, without a leading "./".
std::string display_path(const SourceFile& file);

/// One diagnostic rendered as Prisma does ("error: ..." / "warning: ..." with the source
/// excerpt). `source` must hold the file `d.span.file` refers to.
std::string render_diagnostic(const SchemaSource& source, const Diagnostic& d);

/// All errors, then "\nValidation Error Count: N\n".
std::string render_errors(const SchemaSource& source, const Diagnostics& diags);

/// The P1012 error for `diags` (which must have errors).
core::Error to_p1012(const SchemaSource& source, const Diagnostics& diags);

/// Throws the P1012 error when `diags` has errors.
void throw_if_errors(const SchemaSource& source, const Diagnostics& diags);

}  // namespace godwit::psl
