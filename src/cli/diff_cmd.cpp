// migrate diff: compares two schema sources and prints the difference as Prisma does
// (prisma-compat.md §5.7): diff(from, to) -> the plan's script (§7) or the change set's
// summary (§7.11). Sources so far: empty, a Prisma schema (also by Prisma 6's
// --*-schema-datamodel names) and, as the 'to' side, a live database.
#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/heap.hpp"
#include "dev/rename_flags.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "diff/renames.hpp"
#include "diff/summary.hpp"
#include "migrate/migrations_dir.hpp"
#include "plan/make_plan.hpp"
#include "project/project.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/datasource.hpp"
#include "psl/diagnostics.hpp"
#include "psl/validate.hpp"
#include "schema/script.hpp"

namespace godwit::cli {
namespace {

struct DiffOptions {
  bool from_empty = false;
  bool to_empty = false;
  std::string from_schema, to_schema;
  // Prisma 6's names of --from-schema / --to-schema, which Prisma 7 removed; scripts still
  // call them, so godwit accepts them as the same thing.
  std::string from_schema_datamodel, to_schema_datamodel;
  std::string from_migrations, to_migrations;
  bool from_config_datasource = false;
  bool to_config_datasource = false;
  // The 'to' side read from a live database (introspection): --to-url (Prisma 6),
  // --to-schema-datasource (Prisma 6), --to-config-datasource (Prisma 7).
  std::string to_url, to_schema_datasource;
  bool to_database() const {
    return !to_url.empty() || !to_schema_datasource.empty() || to_config_datasource;
  }
  bool script = false;
  bool exit_code = false;
  std::string output;
  // godwit only: pair objects as renamed (dev/rename_flags.hpp); Prisma has no such flag.
  std::vector<std::string> renames;
  // Prisma 6's --shadow-database-url (Prisma 7: prisma.config.ts datasource.shadowDatabaseUrl).
  std::string shadow_database_url;
  // --config: the Prisma config file the config-datasource and migrations sides read.
  std::string config;
};

constexpr const char* kUsageHint =
    "Usage: godwit migrate diff --from-empty|--from-schema <schema.prisma> "
    "--to-empty|--to-schema <schema.prisma> [--script] [-o <file>] [--exit-code]";

// The dialect to render for: GW1100 without a datasource or for a provider godwit cannot render.
const dialect::Parts& parts_for(const std::string& provider) {
  if (provider.empty()) {
    throw core::Error("GW1100",
                      "The schema has no datasource block, so there is no database to "
                      "render SQL for.",
                      "Add a `datasource` block with a `provider`.");
  }
  if (const auto* parts = dialect::find_parts(provider)) return *parts;
  throw core::Error("GW1100",
                    fmt::format("godwit cannot render SQL for the `{}` provider yet; supported "
                                "providers: postgresql, sqlite.",
                                provider));
}

// Prisma requires exactly one source per side and says how many it got.
void check_counts(const DiffOptions& o) {
  int from = int(o.from_empty) + int(!o.from_schema.empty()) +
             int(!o.from_schema_datamodel.empty()) + int(!o.from_migrations.empty()) +
             int(o.from_config_datasource);
  int to = int(o.to_empty) + int(!o.to_schema.empty()) + int(!o.to_schema_datamodel.empty()) +
           int(!o.to_migrations.empty()) + int(o.to_config_datasource) + int(!o.to_url.empty()) +
           int(!o.to_schema_datasource.empty());
  if (from != 1) {
    throw core::Error(
        "GW1103", fmt::format("{} `--from-...` parameter(s) provided. 1 must be provided.", from),
        kUsageHint);
  }
  if (to != 1) {
    throw core::Error("GW1103",
                      fmt::format("{} `--to-...` parameter(s) provided. 1 must be provided.", to),
                      kUsageHint);
  }
  if (o.from_empty && o.to_empty) {
    throw core::Error("GW1103", "Could not determine the connector to use for diffing.",
                      "Give a schema on one side, e.g. --to-schema prisma/schema.prisma.");
  }
}

int print_diff(const DiffOptions& o, const dialect::Parts& parts, const schema::Catalog& from,
               const schema::Catalog& to, const psl::Schema* to_model);

void write_output_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::string_view ending = schema::cli_file_ending(text);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (out) out.write(ending.data(), static_cast<std::streamsize>(ending.size()));
  if (!out) {
    throw core::Error("GW1104", fmt::format("Could not write the diff to `{}`.", path),
                      "Check that the folder exists and is writable.");
  }
}

// A live database side: --to-url (`url`), --to-schema-datasource (`schema_datasource`), or
// One side of the diff: its catalog and, unless it is empty, the dialect it was made for.
struct DiffSide {
  const dialect::Parts* parts = nullptr;
  schema::Catalog catalog;
  std::shared_ptr<psl::Schema> model;  ///< a Prisma schema side: its model (--rename's names)
  std::string notes;  ///< its warnings, for stderr once both sides are read (run_diff)
};

// --from/--to-config-datasource (both empty): the database read into a catalog
// (schema/inspector.hpp), with the namespaces (`schemas`) and the external tables and enums
// the project declares. What the catalog cannot hold is said on stderr.
DiffSide introspect_side(const std::string& url, const std::string& schema_datasource,
                         const std::string& config) {
  project::DatabaseTarget target;
  schema::InspectOptions options;
  if (!url.empty()) {
    auto provider = dialect::provider_of_url(url);
    if (!provider) {
      throw core::Error("P1013",
                        "The provided database string is invalid. The scheme is not "
                        "recognized in database URL.",
                        "Use a postgresql://, postgres:// or file: URL.");
    }
    target = {*provider, url, std::filesystem::current_path(), url};
  } else {
    project::ProjectOptions po;
    if (!schema_datasource.empty()) po.schema = schema_datasource;
    if (!config.empty()) po.config = config;
    auto project =
        project::load_project(po, std::filesystem::current_path(), project::process_env());
    target = project.target;
    options = dialect::inspect_options(project);
  }
  auto inspection = dialect::inspect_database(target, options);
  return {&parts_for(target.provider), std::move(inspection.catalog), nullptr,
          schema::format_warnings(inspection.warnings)};
}

// --from-migrations / --to-migrations: the folder replayed on a shadow database
// (dialect/shadow.hpp) for the provider its migration_lock.toml names, as Prisma does. A
// PostgreSQL shadow database is made on the server of the project's database (prisma.config.ts
// `datasource.url`, the schema's url, or DATABASE_URL).
DiffSide migrations_side(const std::string& dir, std::string_view flag,
                         const std::string& shadow_flag, const std::string& config) {
  const auto folder = migrate::read_migrations_dir(dir);
  if (!folder.exists) {
    throw core::Error("GW1105", fmt::format("Could not load `{}` from provided path `{}`: file or "
                                            "directory not found",
                                            flag, dir));
  }
  project::ProjectOptions po;
  po.url_required = false;
  if (!config.empty()) po.config = config;
  auto project = project::load_project(po, std::filesystem::current_path(), project::process_env());
  const std::string provider =
      folder.has_lock_file ? folder.lock_provider : project.datasource.provider;
  migrate::check_lock_provider(folder, project.datasource.provider);
  const dialect::Parts& parts = parts_for(provider);
  project::DatabaseTarget main = project.target;
  main.provider = parts.provider;
  // The replay is read as the database side is: the schema's preview features count (an
  // invalid schema still names them; its errors are not this command's concern).
  const schema::InspectOptions options = dialect::inspect_options(project);
  // --shadow-database-url, else the project's shadowDatabaseUrl: replayed there (reset first).
  std::optional<std::string> shadow_url = project.shadow_database_url;
  if (!shadow_flag.empty()) shadow_url = shadow_flag;
  // Without either, a temporary shadow database is made next to the project's database, which
  // needs its URL where databases are servers (opening a missing SQLite file makes it).
  if (main.url.empty() && !shadow_url && !parts.runner->opening_creates_database()) {
    throw core::Error("P1013",
                      fmt::format("`{}` replays the migrations on a shadow database, which "
                                  "godwit creates on the server of the project's database, "
                                  "and the project has no database URL.",
                                  flag),
                      "Set `datasource.url` in prisma.config.ts or DATABASE_URL, or give "
                      "--shadow-database-url.");
  }
  auto inspection =
      dialect::replay_migrations(main, dir, options, shadow_url, project.init_shadow_db);
  return {&parts, std::move(inspection.catalog), nullptr,
          schema::format_warnings(inspection.warnings)};
}

// A Prisma schema file or folder, validated (warnings on stderr) and lowered to a catalog.
DiffSide load_schema_side(const std::string& path, std::string_view flag) {
  if (!std::filesystem::exists(path)) {
    throw core::Error("GW1105", fmt::format("Could not load `{}` from provided path `{}`: file or "
                                            "directory not found",
                                            flag, path));
  }
  auto source = psl::load_schema_source(path);
  psl::Schema model;
  std::string notes;
  {
    // The syntax tree is not needed past validation: freed here, its memory serves the
    // catalog and the script instead of growing the heap (a 500-model schema's tree is ~10 MB).
    auto result = psl::validate_or_throw(source);
    for (const auto& w : result.diagnostics.warnings()) {
      notes += psl::render_diagnostic(source, w);
    }
    model = std::move(result.schema);
  }
  const dialect::Parts& parts = parts_for(model.provider());
  auto catalog = psl::build_catalog(model, *parts.psl);
  return {&parts, std::move(catalog), std::make_shared<psl::Schema>(std::move(model)),
          std::move(notes)};
}

// The sides one after the other, each side's warnings on stderr once it is read.
std::pair<DiffSide, DiffSide> read_sides(const std::function<DiffSide()>& read_from,
                                         const std::function<DiffSide()>& read_to) {
  DiffSide from = read_from();
  std::cerr << from.notes;
  DiffSide to = read_to();
  std::cerr << to.notes;
  return {std::move(from), std::move(to)};
}

// A side read from a database (or a shadow replay) mostly waits on the server, so the other
// side, a Prisma schema, is read meanwhile on a second thread: the release scripts' drift check
// on 500 models hides ~30 ms of validation behind ~150 ms of catalog queries. The database side
// stays on this thread, where the interrupt handling expects it (db/interrupt.hpp); two
// database sides are read one after the other (one interruptible connection at a time). Errors
// and warnings come out as read_sides gives them: the 'from' side's first.
std::pair<DiffSide, DiffSide> read_sides_concurrently(const std::function<DiffSide()>& read_from,
                                                      const std::function<DiffSide()>& read_to,
                                                      bool from_is_schema) {
  auto schema_side =
      std::async(std::launch::async, [&read_schema = from_is_schema ? read_from : read_to] {
        core::prefer_huge_pages_for_thread_heap();
        return read_schema();
      });
  DiffSide database_side;
  std::exception_ptr database_error;
  try {
    database_side = from_is_schema ? read_to() : read_from();
  } catch (...) {
    database_error = std::current_exception();
  }
  DiffSide from, to;
  if (from_is_schema) {
    from = schema_side.get();
    std::cerr << from.notes;
    if (database_error) std::rethrow_exception(database_error);
    to = std::move(database_side);
  } else {
    if (database_error) std::rethrow_exception(database_error);
    from = std::move(database_side);
    std::cerr << from.notes;
    to = schema_side.get();
  }
  std::cerr << to.notes;
  return {std::move(from), std::move(to)};
}

int run_diff(DiffOptions o) {
  check_counts(o);
  if (!o.from_schema_datamodel.empty()) o.from_schema = o.from_schema_datamodel;
  if (!o.to_schema_datamodel.empty()) o.to_schema = o.to_schema_datamodel;
  std::function<DiffSide()> read_from = [] { return DiffSide{}; };
  std::function<DiffSide()> read_to = read_from;
  if (!o.from_schema.empty())
    read_from = [&] { return load_schema_side(o.from_schema, "--from-schema"); };
  if (!o.from_migrations.empty()) {
    read_from = [&] {
      return migrations_side(o.from_migrations, "--from-migrations", o.shadow_database_url,
                             o.config);
    };
  }
  if (o.from_config_datasource) read_from = [&] { return introspect_side("", "", o.config); };
  const bool to_is_schema = !o.to_schema.empty();
  if (to_is_schema) {
    read_to = [&] { return load_schema_side(o.to_schema, "--to-schema"); };
  } else if (!o.to_migrations.empty()) {
    read_to = [&] {
      return migrations_side(o.to_migrations, "--to-migrations", o.shadow_database_url, o.config);
    };
  } else if (o.to_database()) {
    read_to = [&] { return introspect_side(o.to_url, o.to_schema_datasource, o.config); };
  }
  const bool from_reads_database = !o.from_migrations.empty() || o.from_config_datasource;
  const bool to_reads_database = !o.to_migrations.empty() || o.to_database();
  auto [from, to] =
      (from_reads_database && to_is_schema) || (to_reads_database && !o.from_schema.empty())
          ? read_sides_concurrently(read_from, read_to, !o.from_schema.empty())
          : read_sides(read_from, read_to);
  if (from.parts && to.parts && from.parts != to.parts) {
    throw core::Error("GW1106",
                      fmt::format("The two sides of the diff are for different databases (`{}` "
                                  "and `{}`).",
                                  from.parts->provider, to.parts->provider),
                      "Compare schemas of one provider.");
  }
  const dialect::Parts& parts = to.parts ? *to.parts : *from.parts;
  // Prisma's script names objects as its `to` side decides, for both sides' objects: without
  // namespace ("User") when `to` is a Prisma schema, with it ("public"."User") when `to` was
  // read from a database (live, or the shadow of --to-migrations) or is empty (Prisma 7.10.1:
  // --from-config-datasource --to-schema prints DROP INDEX "i", --from-schema
  // --to-config-datasource and --from-schema --to-empty print "public"."User";
  // tests/live/diff_database_test.cpp). An empty `from` lives in the `to` side's namespace.
  if (to_is_schema) {
    from.catalog.default_namespace = to.catalog.default_namespace;
  } else if (to.parts) {
    from.catalog.default_namespace.clear();
    to.catalog.default_namespace.clear();
  } else {
    from.catalog.default_namespace.clear();
  }
  return print_diff(o, parts, from.catalog, to.catalog, to.model.get());
}

int print_diff(const DiffOptions& o, const dialect::Parts& parts, const schema::Catalog& from,
               const schema::Catalog& to, const psl::Schema* to_model) {
  const auto renames = dev::resolve_renames(o.renames, to_model, from, to);
  auto changes = diff::diff(from, to, *parts.diff_policy, renames);
  bool empty = changes.empty();
  std::string text = o.script ? plan::make_plan(changes, from, to, *parts.renderer).script()
                              : diff::summary(changes, from, to);
  // Prisma's CLI adds a blank line after what it prints, except when `--exit-code` ends it
  // early with 2: then stdout gets the text with one newline, and with -o nothing.
  const bool early_exit = o.exit_code && !empty;
  if (!o.output.empty()) {
    write_output_file(o.output, text);
    if (!early_exit) std::cout << '\n';
  } else {
    std::string_view ending =
        early_exit ? schema::cli_file_ending(text) : schema::cli_stdout_ending(text);
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.write(ending.data(), static_cast<std::streamsize>(ending.size()));
  }
  std::cout.flush();
  return early_exit ? 2 : 0;
}

}  // namespace

void add_migrate_diff_command(CLI::App& migrate, Action& action) {
  auto opts = std::make_shared<DiffOptions>();
  auto* cmd = migrate.add_subcommand(
      "diff", "Compare the database schema from two sources and print the difference");
  cmd->footer(
      "Unlike Prisma, two PostgreSQL partial index predicates are the same when PostgreSQL "
      "parses them the same, also when unquoted names differ in case "
      "(docs/compatibility.md, deviation 20).");
  cmd->add_flag("--from-empty", opts->from_empty, "Assume the 'from' side is an empty schema");
  cmd->add_flag("--to-empty", opts->to_empty, "Assume the 'to' side is an empty schema");
  cmd->add_option("--from-schema", opts->from_schema, "A Prisma schema file or folder (from)")
      ->type_name("PATH");
  cmd->add_option("--to-schema", opts->to_schema, "A Prisma schema file or folder (to)")
      ->type_name("PATH");
  cmd->add_option("--from-schema-datamodel", opts->from_schema_datamodel,
                  "Same as --from-schema (Prisma 6 form)")
      ->type_name("PATH");
  cmd->add_option("--to-schema-datamodel", opts->to_schema_datamodel,
                  "Same as --to-schema (Prisma 6 form)")
      ->type_name("PATH");
  cmd->add_option("--from-migrations", opts->from_migrations,
                  "A migrations folder, replayed on a shadow database (from)")
      ->type_name("DIR");
  cmd->add_option("--to-migrations", opts->to_migrations,
                  "A migrations folder, replayed on a shadow database (to)")
      ->type_name("DIR");
  cmd->add_flag("--from-config-datasource", opts->from_config_datasource,
                "The database of the configured datasource (from)");
  cmd->add_flag("--to-config-datasource", opts->to_config_datasource,
                "The database of the configured datasource (to)");
  cmd->add_option("--to-url", opts->to_url, "A live database URL (to; Prisma 6 form)")
      ->type_name("URL");
  cmd->add_option("--to-schema-datasource", opts->to_schema_datasource,
                  "The database of this schema's datasource (to; Prisma 6 form)")
      ->type_name("PATH");
  cmd->add_flag("--script", opts->script,
                "Print a SQL script instead of the human-readable summary");
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of stdout")
      ->type_name("FILE");
  cmd->add_flag("--exit-code", opts->exit_code,
                "Exit with 0 when the diff is empty, 2 when it is not, 1 on error");
  cmd->add_option("--config", opts->config,
                  "Prisma config file for the config-datasource and migrations sides, read "
                  "without running it (default: prisma.config.ts, .js, .mjs, .cjs, .mts or .cts "
                  "in the current folder)")
      ->type_name("FILE");
  cmd->add_option("--shadow-database-url", opts->shadow_database_url,
                  "The database --from/--to-migrations replay on, emptied first (Prisma 6 form; "
                  "default: shadowDatabaseUrl, else a temporary database)")
      ->type_name("URL");
  cmd->add_option("--rename", opts->renames,
                  "Pair two objects as one renamed (godwit only; repeatable): Model.old=new, "
                  "Old=New or Enum.OLD=NEW, as for migrate dev; the script renames instead of "
                  "dropping and creating")
      ->type_name("FROM=TO")
      ->allow_extra_args(false);
  cmd->callback([&action, opts] { action = [opts] { return run_diff(*opts); }; });
}

}  // namespace godwit::cli
