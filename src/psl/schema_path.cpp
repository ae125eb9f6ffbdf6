#include "psl/schema_path.hpp"

#include <system_error>

#include "core/error.hpp"

namespace godwit::psl {
namespace fs = std::filesystem;

std::optional<fs::path> default_schema_path(const fs::path& cwd) {
  for (fs::path candidate : {fs::path("prisma") / "schema.prisma", fs::path("schema.prisma")}) {
    std::error_code ec;
    if (fs::is_regular_file(cwd / candidate, ec)) return candidate;
  }
  return std::nullopt;
}

fs::path resolve_schema_path(const std::optional<fs::path>& given, const fs::path& cwd) {
  if (given) {
    fs::path full = given->is_absolute() ? *given : cwd / *given;
    std::error_code ec;
    if (!fs::exists(full, ec)) {
      throw core::Error("P1012", "Could not load `--schema` from provided path `" +
                                     given->string() + "`: file or directory not found");
    }
    return *given;
  }
  if (auto found = default_schema_path(cwd)) return *found;
  throw core::Error("P1012",
                    "Could not find a schema.prisma file. Checked: prisma/schema.prisma, "
                    "schema.prisma",
                    "Pass the schema with --schema <path>, or run godwit from the project root.");
}

}  // namespace godwit::psl
