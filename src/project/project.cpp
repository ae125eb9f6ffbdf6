#include "project/project.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "project/dotenv.hpp"
#include "project/project_config.hpp"
#include "psl/diagnostics.hpp"
#include "psl/validate.hpp"

namespace godwit::project {
namespace fs = std::filesystem;
namespace {

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
  // godwit.toml first: a misspelt key or an unknown environment stops before any other work.
  p.godwit = read_godwit_toml(cwd);
  p.environment = select_environment(p.godwit, options.env, env);
  auto config = load_project_config(options.config, cwd, env);
  p.config_path = config.file;
  p.seed = config.seed;
  p.init_shadow_db = config.init_shadow_db;
  if (config.shadow_database_url) p.shadow_database_url = config.shadow_database_url->value;
  p.external_tables = config.external_tables;
  p.external_enums = config.external_enums;

  if (options.schema) {
    p.schema_path = find_schema(options.schema, cwd);
  } else if (config.schema) {
    std::error_code ec;
    if (!fs::exists(*config.schema, ec)) {
      throw core::Error("P1012",
                        fmt::format("Could not load schema from `{}` provided by {}: file or "
                                    "directory not found",
                                    config.schema->string(), config.file->filename().string()),
                        "Fix the `schema` path (it is relative to the config file), or pass "
                        "--schema.");
    }
    p.schema_path = *config.schema;
  } else {
    // With a prisma.config.ts, the default places are looked up in its folder (Prisma 7.10.1
    // does so even when the current folder has its own prisma/schema.prisma).
    bool prisma7 = config.file && !config.is_package_json;
    p.schema_path = find_schema(std::nullopt, prisma7 ? config.file->parent_path() : cwd);
  }
  p.schema = psl::load_schema_source(p.schema_path);
  auto validated = psl::validate_or_throw(p.schema);
  for (const auto& w : validated.diagnostics.warnings()) {
    p.warnings.push_back(psl::render_diagnostic(p.schema, w));
  }
  p.datasource = psl::read_datasource(p.schema);
  p.model = std::make_shared<const psl::Schema>(std::move(validated.schema));

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
  } else if (config.migrations) {
    p.migrations_dir = *config.migrations;
  } else {
    p.migrations_dir = schema_dir / "migrations";
  }
  // Prisma's `views.path`, else `views` beside the schema (CLI getPrismaConfigPaths).
  p.views_dir = config.views ? *config.views : schema_dir / "views";

  // Environment: the process first. With a prisma.config.ts, only the `.env` its dotenv import
  // loads (Prisma 7); otherwise `.env` next to the schema and in cwd (Prisma 6), expanded.
  std::map<std::string, std::string> file_env;
  bool prisma7 = config.file && !config.is_package_json;
  std::string env_files_hint;
  if (prisma7) {
    file_env = config.dotenv;
    env_files_hint = (cwd / ".env").string();
  } else {
    auto schema_env_path = (schema_dir / ".env").lexically_normal();
    auto cwd_env_path = (cwd / ".env").lexically_normal();
    auto schema_env = expand_dotenv(read_dotenv_file(schema_env_path), env);
    std::error_code ec;
    bool same = fs::equivalent(schema_env_path, cwd_env_path, ec);
    std::map<std::string, std::string> cwd_env;
    if (!same) cwd_env = expand_dotenv(read_dotenv_file(cwd_env_path), env);
    std::string conflicts;
    for (const auto& [k, v] : cwd_env) {
      if (schema_env.count(k)) conflicts += "  " + k + "\n";
    }
    if (!conflicts.empty()) {
      throw core::Error("GW2022",
                        fmt::format("There is a conflict between env vars in {} and {}\n"
                                    "Conflicting env vars:\n{}",
                                    cwd_env_path.string(), schema_env_path.string(), conflicts),
                        fmt::format("Define each variable in one of the two files (Prisma 6 "
                                    "refuses the same conflict); Prisma suggests moving the "
                                    "contents of {} to {}.",
                                    schema_env_path.string(), cwd_env_path.string()));
    }
    file_env = schema_env;
    file_env.insert(cwd_env.begin(), cwd_env.end());
    env_files_hint = schema_env_path.string();
  }
  p.dotenv = file_env;
  auto lookup = [&](const std::string& name) -> std::optional<std::string> {
    if (auto v = env(name)) return v;
    if (auto it = file_env.find(name); it != file_env.end()) return it->second;
    return std::nullopt;
  };

  // Prisma 6 schemas name the shadow database in the datasource block; prisma.config.ts's
  // `datasource.shadowDatabaseUrl` (read above) wins. An unset env() leaves none configured.
  if (!p.shadow_database_url && p.datasource.shadow_database_url) {
    const auto& s = *p.datasource.shadow_database_url;
    p.shadow_database_url = s.from_env ? lookup(s.value) : std::optional<std::string>(s.value);
  }

  std::string url;
  std::string source;
  fs::path base_dir = schema_dir;
  const ConfigUrl* from_config = config.direct_url ? &*config.direct_url
                                 : config.url      ? &*config.url
                                                   : nullptr;
  const auto& schema_url = p.datasource.direct_url ? p.datasource.direct_url : p.datasource.url;
  if (options.url) {
    url = *options.url;
    source = "--url";
  } else if (p.environment.url) {
    url = resolve_environment_url(*p.environment.url, p.environment.name, lookup);
    source = fmt::format("[env.{}].url in godwit.toml", p.environment.name);
    base_dir = p.godwit.file->parent_path();
  } else if (from_config) {
    url = from_config->value;
    source = from_config->source;
    base_dir = from_config->base_dir;
  } else if (schema_url) {
    const auto& u = *schema_url;
    if (u.from_env) {
      auto v = lookup(u.value);
      if (!v) {
        throw core::Error("P1012",
                          fmt::format("error: Environment variable not found: {}.", u.value),
                          fmt::format("Set {} in the environment or in {}, or pass --url.", u.value,
                                      env_files_hint),
                          u.where);
      }
      url = *v;
      source = fmt::format("env(\"{}\")", u.value);
    } else {
      url = u.value;
      source = p.datasource.direct_url ? "the datasource `directUrl`" : "the datasource `url`";
    }
  } else if (auto v = lookup("DATABASE_URL")) {
    url = *v;
    source = "DATABASE_URL";
  } else if (!options.url_required) {
    p.target.provider = provider;
    p.target.base_dir = base_dir;
    return p;
  } else {
    throw core::Error("P1013", "No database URL: the datasource block has no `url`.",
                      "Pass --url, set `datasource.url` in prisma.config.ts, set `url = "
                      "env(\"DATABASE_URL\")` in the datasource block, or set DATABASE_URL.",
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
  p.target.base_dir = base_dir;
  p.target.display = core::redact_url(url);
  return p;
}

}  // namespace godwit::project
