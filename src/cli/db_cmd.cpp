// db execute: run a SQL script against the datasource, no history table involved.
// db seed: run the project's seed command.
// db pull: write the live database as a Prisma schema (pull/render_schema.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/seed_report.hpp"
#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "migrate/deploy.hpp"
#include "migrate/seed.hpp"
#include "psl/validate.hpp"
#include "pull/render_schema.hpp"

namespace godwit::cli {
namespace {

std::string read_input(const std::string& file, bool from_stdin) {
  if (from_stdin) {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw core::Error("GW2007", fmt::format("Cannot read the script file {}.", file),
                      "Check the path given to --file.");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run_execute(const CommonOptions& o, const std::string& file, bool from_stdin) {
  if (file.empty() == !from_stdin) {
    throw core::Error("GW2005", from_stdin ? "--stdin and --file cannot be used at the same time."
                                           : "Either --stdin or --file must be provided.");
  }
  auto script_text = read_input(file, from_stdin);
  auto l = load(o);
  // As Prisma: a missing SQLite file is created (opening it does that), a missing PostgreSQL
  // database is P1003.
  auto conn = l.dialect->connect(l.project.target, l.dialect->opening_creates_database());
  // Ctrl-C/SIGTERM cancel the running statement; the script is then rolled back (as far as it
  // runs in one transaction) and the command exits 130 (db/interrupt.hpp).
  db::CancelOnSignal cancel_on_signal(conn->canceller());
  auto script = l.dialect->split(script_text);
  std::optional<migrate::ScriptFailure> failure;
  {
    db::InterruptibleSection section;
    failure = l.dialect->apply(*conn, script, migrate::HistoryWrites{});
  }
  auto where = from_stdin ? std::string("<stdin>") : file;
  if (int signal = db::interrupt_signal()) {
    throw db::Interrupted(signal, failure
                                      ? fmt::format("godwit cancelled the script.\n\n{}",
                                                    migrate::describe_failure("", *failure, where))
                                      : std::string("The script had run to its end."));
  }
  if (failure) {
    throw core::Error(
        "GW2006",
        fmt::format("The script failed.\n\n{}", migrate::describe_failure("", *failure, where)), "",
        core::SourceLocation{where, failure->line, 0});
  }
  std::cout << "Script executed successfully.\n";
  return 0;
}

// Prisma 7.10.1's texts (its `db seed` command and `executeSeedCommand`), byte for byte.
int run_seed(const CommonOptions& o, const std::vector<std::string>& args) {
  auto l = load(o, /*url_required=*/false);
  print_config_line(l);
  if (!l.project.seed) {
    std::cout << "\u26a0\ufe0f No seed command configured\n\n"
                 "To seed your database, add a seed property to the migrations section in your "
                 "Prisma config file.\n\n"
                 "Example\n\n"
                 "  // prisma7.config.ts\n"
                 "  export default defineConfig({\n"
                 "    migrations: {\n"
                 "      seed: 'bun\u00b7./prisma/seed.ts',\n"
                 "    },\n"
                 "    datasource: {\n"
                 "      url: '[your database URL]',\n"
                 "    },\n"
                 "  })\n\n";
    return 0;
  }
  const std::string command = migrate::seed_command_line(*l.project.seed, args);
  return run_seed_and_report(command, l.project.dotenv);
}

// Writes `text` over `path`. Errors: GW1153.
void pull_write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!(out << text)) {
    throw core::Error("GW1153", fmt::format("Cannot write the schema file {}.", path.string()),
                      "Check that the file and its folder are writable.");
  }
}

// Prisma 7.10.1's `db pull`: the schema on stdout with --print, else written over the schema
// file. A schema with models or enums is re-introspected (their names, order and attributes
// kept: pull/render_schema.hpp); --force keeps only its generator and datasource blocks. A
// multi-file schema is written back file by file, new models and enums in
// `introspected.prisma` of the schema folder; with --force, as Prisma, the whole schema goes to
// that file and the folder's other schema files are removed.
int run_pull(const CommonOptions& o, bool print, bool force) {
  auto l = load(o);
  if (print) print_config_line(l);  // as Prisma; without --print, print_header prints it
  const auto& source = l.project.schema;
  const psl::SourceFile* file = nullptr;
  for (const auto& f : source.files) {
    if (f.path == l.project.datasource.file) file = &f;
  }
  if (file == nullptr && !source.files.empty()) file = &source.files.front();
  // ENG IntrospectionContext::introspection_file_path: one file, or introspected.prisma in the
  // schema folder.
  const bool multi_file = source.files.size() > 1;
  const bool file_by_file = multi_file && !force;  // else one text
  const std::filesystem::path new_file =
      !multi_file
          ? (file ? file->path : l.project.schema_path)
          : (std::filesystem::is_directory(source.root) ? source.root : source.root.parent_path()) /
                "introspected.prisma";
  std::optional<psl::ValidationResult> previous;
  if (!force) {
    previous = psl::validate_or_throw(source);
    const auto& schema = previous->schema;
    if (schema.models.empty() && schema.enums.empty()) previous.reset();
  }
  const auto& ds = l.project.datasource;
  const dialect::Parts* parts = dialect::find_parts(ds.provider);
  schema::InspectOptions options;
  options.namespaces = ds.schemas;
  options.external_tables = l.project.external_tables;
  options.external_enums = l.project.external_enums;
  // Prisma's `views` preview feature: views become `view` blocks and their SQL is written to
  // the views folder (with --print too, as Prisma does).
  const bool views = l.project.model && l.project.model->has_preview_feature("views");
  options.views = views;
  auto inspection = dialect::inspect_database(l.project.target, options);
  pull::PullOptions po;
  po.config = pull::config_blocks(file ? file->text : std::string());
  po.datasource_name = ds.name;
  po.flavour = parts->psl;
  po.foreign_keys = ds.relation_mode != "prisma";
  po.namespaces = !ds.schemas.empty();
  po.views = views;
  if (previous) po.previous = &previous->schema;
  if (pull::model_count(inspection.catalog, po) == 0 && inspection.catalog.enums.empty()) {
    // Prisma 7.10.1's P4001 text; the schema file is left as it was.
    throw core::Error(
        "P4001",
        "The introspected database was empty:\n\ngodwit db pull could not create any models in "
        "your schema file and you will not be able to generate Prisma Client with the prisma "
        "generate command.",
        "To fix this, you have two options:\n\n- manually create a table in your database.\n- "
        "make sure the database connection URL points to a database that is not empty (it "
        "must contain at least one table).\n\nThen you can run godwit db pull again.");
  }
  // Written file by file when a multi-file schema is re-introspected; otherwise one text.
  std::vector<pull::PulledFile> files;
  if (file_by_file) {
    files = pull::render_schema_files(inspection.catalog, po, source.files, new_file);
  } else {
    files.push_back({new_file, pull::render_schema(inspection.catalog, po)});
  }
  if (views) pull::write_view_files(l.project.views_dir, pull::view_files(inspection.catalog, po));
  std::cerr << schema::format_warnings(inspection.warnings);
  // Prisma 7.10.1's warnings block: on stderr with `// ` before each line after --print, in
  // the summary on stdout otherwise.
  std::string warnings = pull::introspection_warnings(inspection.catalog, po);
  if (!warnings.empty()) warnings = "\n" + warnings;
  if (print) {
    // Prisma 7.10.1 prints the schema with a blank line and a line break after it; the files
    // of a multi-file schema by path, each after a `// <path>` line.
    if (!file_by_file) {
      std::cout << files.front().text << "\n\n";
    } else {
      std::sort(files.begin(), files.end(),
                [](const auto& a, const auto& b) { return a.path < b.path; });
      for (const auto& f : files)
        std::cout << "// " << display_path(f.path) << "\n" << f.text << "\n";
      std::cout << "\n";
    }
    if (!warnings.empty()) {
      std::string commented;
      for (char c : warnings)
        commented += c == '\n' ? std::string("\n// ") : std::string(1, c);
      std::cerr << commented << "\n";
    }
    return 0;
  }
  print_header(l);
  auto started = std::chrono::steady_clock::now();
  for (const auto& f : files)
    pull_write(f.path, f.text);
  if (multi_file && force) {
    // Prisma's `--force` on a schema folder: everything is in introspected.prisma now.
    for (const auto& f : source.files) {
      if (f.path.lexically_normal() != new_file.lexically_normal()) std::filesystem::remove(f.path);
    }
  }
  // Prisma's texts (its spinner as printed without a TTY); the time is godwit's whole run.
  const auto shown = display_path(multi_file ? source.root : new_file);
  std::size_t models = pull::model_count(inspection.catalog, po);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  std::cout << fmt::format(
      "- Introspecting based on datasource defined in {}\n"
      "\u2714 Introspected {} {} into {} in {}ms\n      {}\n"
      "Run prisma generate to generate Prisma Client.\n\n",
      shown, models, models == 1 ? "model and wrote it" : "models and wrote them", shown, ms,
      warnings);
  return 0;
}

}  // namespace

void add_db_commands(CLI::App& db, Action& action) {
  auto o = std::make_shared<CommonOptions>();
  auto file = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  auto* cmd = db.add_subcommand(
      "execute",
      "Run a SQL script against the database. The history table is not touched. Unlike Prisma, "
      "the script is split with the database's own parser and an error names its statement and "
      "line; it runs in one transaction unless it has its own transaction control or statements "
      "that cannot run in a transaction block.");
  add_common_options(*cmd, *o, /*with_lock=*/false, /*with_json=*/false);
  cmd->add_option("--file", *file, "Path to a file with the script")->type_name("FILE");
  cmd->add_flag("--stdin", *from_stdin, "Read the script from standard input");
  cmd->callback([=, &action] { action = [=] { return run_execute(*o, *file, *from_stdin); }; });

  auto so = std::make_shared<CommonOptions>();
  auto args = std::make_shared<std::vector<std::string>>();
  auto* seed = db.add_subcommand(
      "seed",
      "Run the seed command: `migrations.seed` of prisma.config.ts, else (as Prisma 6) "
      "`prisma.seed` of package.json, through /bin/sh -c with the variables of the project's "
      ".env files added to its environment. Arguments after `--` are appended to the command.");
  add_common_options(*seed, *so, /*with_lock=*/false, /*with_json=*/false);
  seed->add_option("args", *args, "Extra arguments for the seed command (after --)")
      ->type_name("ARG...");
  seed->callback([=, &action] { action = [=] { return run_seed(*so, *args); }; });

  auto po = std::make_shared<CommonOptions>();
  auto print = std::make_shared<bool>(false);
  auto force = std::make_shared<bool>(false);
  auto* pull = db.add_subcommand(
      "pull",
      "Write the database's tables, enums and relations as a Prisma schema, as Prisma's "
      "introspection writes it. The schema's generator and datasource blocks are kept. Over a "
      "schema that has models, their names, @map/@@map, order, relation names, documentation "
      "and Prisma-level attributes (@updatedAt, @default(cuid()), @ignore, ...) are kept, as "
      "Prisma's re-introspection does; a multi-file schema is written back file by file, new "
      "models into introspected.prisma of the schema folder. With the `views` preview feature, "
      "views become `view` blocks and their SQL goes to views/<schema>/<name>.sql (views.path "
      "in prisma.config.ts), stale view files removed, as Prisma does (with --print too).");
  add_common_options(*pull, *po, /*with_lock=*/false, /*with_json=*/false);
  pull->add_flag("--print", *print, "Print the schema instead of writing the schema file");
  pull->add_flag("--force", *force,
                 "Ignore the models of the current schema and overwrite them (a schema folder: "
                 "everything goes to introspected.prisma and its other schema files are removed, "
                 "as with Prisma)");
  pull->callback([=, &action] { action = [=] { return run_pull(*po, *print, *force); }; });
}

}  // namespace godwit::cli
