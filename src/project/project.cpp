#include "project/project.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "project/dotenv.hpp"
#include "psl/diagnostics.hpp"
#include "psl/validate.hpp"

namespace godwit::project {
namespace fs = std::filesystem;
namespace {

std::map<std::string, std::string> read_dotenv(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_dotenv(ss.str());
}

bool url_fits_provider(std::string_view provider, std::string_view url) {
  if (provider == "sqlite") return url.starts_with("file:");
  if (provider == "postgresql") {
    return url.starts_with("postgresql://") || url.starts_with("postgres://");
  }
  return true;
}

std::string provider_label(std::string_view provider) {
  return provider == "sqlite" ? "`file:`" : "`postgresql://` or `postgres://`";
}

}  // namespace

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    if (const char* v = std::getenv(name.c_str())) return std::string(v);
    return std::nullopt;
  };
}

fs::path find_schema(const std::optional<fs::path>& given, const fs::path& cwd) {
  if (given) {
    auto p = given->is_absolute() ? *given : cwd / *given;
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      throw core::Error("P1012", fmt::format("Could not load `--schema` from provided path `{}`: "
                                             "file or directory not found",
                                             given->string()));
    }
    return p;
  }
  for (auto candidate : {cwd / "prisma" / "schema.prisma", cwd / "schema.prisma"}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  throw core::Error("P1012",
                    "Could not find a schema.prisma file. Checked: prisma/schema.prisma, "
                    "schema.prisma",
                    "Pass the schema with --schema <path>, or run godwit from the project root.");
}

Project load_project(const ProjectOptions& options, const fs::path& cwd, const EnvLookup& env) {
  Project p;
  p.schema_path = find_schema(options.schema, cwd);
  p.schema = psl::load_schema_source(p.schema_path);
  auto validated = psl::validate_or_throw(p.schema);
  for (const auto& w : validated.diagnostics.warnings()) {
    p.warnings.push_back(psl::render_diagnostic(p.schema, w));
  }
  p.datasource = psl::read_datasource(p.schema);

  const auto& provider = p.datasource.provider;
  if (provider != "postgresql" && provider != "sqlite") {
    throw core::Error("GW2002",
                      fmt::format("The provider `{}` is not supported by godwit yet.", provider),
                      "godwit supports `postgresql` and `sqlite`.", p.datasource.where);
  }

  fs::path schema_dir =
      fs::is_directory(p.schema_path) ? p.schema_path : p.schema_path.parent_path();
  if (options.migrations) {
    p.migrations_dir =
        options.migrations->is_absolute() ? *options.migrations : cwd / *options.migrations;
  } else {
    p.migrations_dir = schema_dir / "migrations";
  }

  // Environment: process first, then .env next to the schema, then .env in cwd.
  auto schema_env = read_dotenv(schema_dir / ".env");
  auto cwd_env = read_dotenv(cwd / ".env");
  auto lookup = [&](const std::string& name) -> std::optional<std::string> {
    if (auto v = env(name)) return v;
    if (auto it = schema_env.find(name); it != schema_env.end()) return it->second;
    if (auto it = cwd_env.find(name); it != cwd_env.end()) return it->second;
    return std::nullopt;
  };

  std::string url;
  std::string source;
  if (options.url) {
    url = *options.url;
    source = "--url";
  } else if (p.datasource.url) {
    const auto& u = *p.datasource.url;
    if (u.from_env) {
      auto v = lookup(u.value);
      if (!v) {
        throw core::Error("P1012",
                          fmt::format("error: Environment variable not found: {}.", u.value),
                          fmt::format("Set {} in the environment or in {}, or pass --url.", u.value,
                                      (schema_dir / ".env").string()),
                          u.where);
      }
      url = *v;
      source = fmt::format("env(\"{}\")", u.value);
    } else {
      url = u.value;
      source = "the datasource `url`";
    }
  } else if (auto v = lookup("DATABASE_URL")) {
    url = *v;
    source = "DATABASE_URL";
  } else {
    throw core::Error("P1013", "No database URL: the datasource block has no `url`.",
                      "Pass --url, set `url = env(\"DATABASE_URL\")` in the datasource block, or "
                      "set DATABASE_URL.",
                      p.datasource.where);
  }
  if (core::trim(url).empty()) {
    throw core::Error("P1013",
                      fmt::format("The provided database string is invalid. The URL from {} is "
                                  "empty.",
                                  source));
  }
  if (!url_fits_provider(provider, url)) {
    throw core::Error(
        "P1013",
        fmt::format("The provided database string is invalid. The URL from {} must start with "
                    "the protocol {} for the `{}` provider.",
                    source, provider_label(provider), provider),
        "", p.datasource.where);
  }
  p.target.provider = provider;
  p.target.url = url;
  p.target.base_dir = schema_dir;
  p.target.display = core::redact_url(url);
  return p;
}

}  // namespace godwit::project
