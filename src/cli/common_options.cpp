#include "cli/common_options.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "dialect/registry.hpp"

namespace godwit::cli {
namespace fs = std::filesystem;

namespace {

// --lock-timeout: a finite number of seconds from 0 (do not wait) to one day. NaN, infinities,
// negative numbers and larger values are usage errors (they used to overflow the deadline).
constexpr double kMaxLockTimeoutSeconds = 86400;

CLI::Validator lock_timeout_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const char* begin = text.c_str();
        char* end = nullptr;
        errno = 0;
        double v = std::strtod(begin, &end);
        bool ok = end != begin && *end == '\0' && errno == 0 && std::isfinite(v) && v >= 0 &&
                  v <= kMaxLockTimeoutSeconds;
        if (ok) return {};
        return fmt::format(
            "`{}` is not a lock timeout: give a number of seconds from 0 (do not wait) to {:.0f} "
            "(one day)",
            text, kMaxLockTimeoutSeconds);
      },
      "NONNEGATIVE");  // CLI::NonNegativeNumber's name, so --help reads as before
}

}  // namespace

project::ProjectOptions CommonOptions::project_options() const {
  project::ProjectOptions p;
  if (!schema.empty()) p.schema = schema;
  if (!url.empty()) p.url = url;
  if (!migrations.empty()) p.migrations = migrations;
  if (!config.empty()) p.config = config;
  if (!env.empty()) p.env = env;
  return p;
}

migrate::RunOptions CommonOptions::run_options() const {
  migrate::RunOptions r;
  r.lock_timeout =
      std::chrono::milliseconds(static_cast<long long>(std::llround(lock_timeout_s * 1000)));
  return r;
}

void add_common_options(CLI::App& cmd, CommonOptions& o, bool with_lock, bool with_json) {
  cmd.add_option("--schema", o.schema,
                 "Schema file or folder (default: the config's `schema`, else "
                 "prisma/schema.prisma, then ./schema.prisma)")
      ->type_name("PATH");
  cmd.add_option("--config", o.config,
                 "Prisma config file, read without running it (default: prisma.config.ts, .js, "
                 ".mjs, .cjs, .mts or .cts in the current folder; else package.json's `prisma` "
                 "key)")
      ->type_name("FILE");
  cmd.add_option("--url", o.url,
                 "Database URL; overrides the config's and the schema's (default: the config's "
                 "datasource.directUrl or url, else the schema's directUrl or url, else "
                 "DATABASE_URL). "
                 "PostgreSQL: GSSAPI encryption only if the URL sets gssencmode (Prisma has none; "
                 "libpq would try it first)")
      ->type_name("URL");
  cmd.add_option("--migrations", o.migrations,
                 "Migrations folder (default: the `migrations` folder next to the schema)")
      ->type_name("DIR");
  cmd.add_option("--env", o.env,
                 "Environment of godwit.toml ([env.NAME]): its URL, protection, lint gate, "
                 "thresholds, hooks and backup policy (default: GODWIT_ENV, else none, as Prisma)")
      ->type_name("NAME");
  if (with_lock) {
    cmd.add_option("--lock-timeout", o.lock_timeout_s,
                   "Seconds to wait for another migrate process's lock before failing with "
                   "P1002 (PostgreSQL: advisory lock 72707369, as Prisma; SQLite: an exclusive "
                   "lock). Set PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK=1 to take no lock.")
        ->type_name("SECONDS")
        ->default_val(10.0)
        ->check(lock_timeout_check());
  }
  if (with_json) cmd.add_flag("--json", o.json, "Print a machine-readable JSON report on stdout");
}

Loaded load(const CommonOptions& o, bool url_required) {
  auto options = o.project_options();
  options.url_required = url_required;
  auto project = project::load_project(options, fs::current_path(), project::process_env());
  const auto* d = dialect::find(project.datasource.provider);
  return Loaded{std::move(project), d};
}

std::string display_path(const fs::path& p) {
  std::error_code ec;
  auto rel = fs::relative(p, fs::current_path(), ec);
  if (ec || rel.empty() || rel.native().starts_with("..")) return p.string();
  return rel.string();
}

void print_config_line(const Loaded& l) {
  // As Prisma 7.10.1 prints it (its CLI's config loader): on stderr, with a period, only for a
  // prisma.config.* file (package.json is no config file there).
  const auto& config = l.project.config_path;
  if (config && config->extension() != ".json") {
    std::cerr << "Loaded Prisma config from " << display_path(*config) << ".\n\n";
  }
}

void print_header(const Loaded& l) {
  for (const auto& w : l.project.warnings)
    std::cerr << w;
  print_config_line(l);
  // Prisma's `Dd`, on stderr with a period.
  std::cerr << "Prisma schema loaded from " << display_path(l.project.schema_path) << ".\n";
  std::cout << fmt::format("Datasource \"{}\": {}\n\n", l.project.datasource.name,
                           l.dialect->describe(l.project.target));
}

std::string count_noun(std::size_t n, std::string_view singular) {
  return fmt::format("{} {}{}", n, singular, n == 1 ? "" : "s");
}

std::string migrations_label(const Loaded& l) {
  return display_path(l.project.migrations_dir);
}

}  // namespace godwit::cli
