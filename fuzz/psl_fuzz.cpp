// libFuzzer target for the Prisma schema front end: lexer + parser + validator + formatter
// (docs/fuzzing.md). Besides crashes, hangs and sanitizer findings it checks three
// properties on inputs without syntax errors:
// - the formatted text parses without errors;
// - formatting is idempotent;
// - when the input and its formatted text both validate, they mean the same (same model dump).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "psl/diagnostics.hpp"
#include "psl/format.hpp"
#include "psl/parser.hpp"
#include "psl/validate.hpp"

namespace {

godwit::psl::SchemaSource source_of(std::string text) {
  godwit::psl::SchemaSource s;
  s.root = "schema.prisma";
  s.files.push_back({"schema.prisma", std::move(text)});
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace godwit::psl;
  if (size > 64 * 1024) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);

  auto source = source_of(text);
  auto result = validate_schema(source);
  // Rendering touches every span: out-of-range spans would show up here.
  (void)render_errors(source, result.diagnostics);
  for (const auto& w : result.diagnostics.warnings())
    (void)render_diagnostic(source, w);
  if (result.ok()) (void)to_debug_string(result.schema);

  Diagnostics syntax;
  std::string formatted = format_file(text, 0, syntax);
  if (syntax.has_errors()) return 0;

  Diagnostics again;
  std::string twice = format_file(formatted, 0, again);
  if (again.has_errors()) std::abort();  // formatting produced a syntax error
  if (twice != formatted) std::abort();  // not idempotent

  auto formatted_result = validate_schema(source_of(formatted));
  if (result.ok() && formatted_result.ok() &&
      to_debug_string(result.schema) != to_debug_string(formatted_result.schema)) {
    std::abort();  // formatting changed the meaning
  }
  return 0;
}
