// db execute: run a SQL script against the datasource, no history table involved.
// db seed: run the project's seed command.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "migrate/deploy.hpp"
#include "migrate/seed.hpp"

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
  std::cout << "Running seed command `" << command << "` ..." << std::endl;
  auto outcome = migrate::run_seed(command, l.project.dotenv);
  if (outcome.exit_code != 0) {
    std::cerr << "\nAn error occurred while running the seed command:\n";
    if (outcome.signal != 0) {
      std::cerr << fmt::format("Error: Command was killed with {}: {}\n",
                               db::signal_name(outcome.signal), command);
    } else {
      std::cerr << fmt::format("Error: Command failed with exit code {}: {}\n", outcome.exit_code,
                               command);
    }
    return 1;
  }
  std::cout << "\n\U0001f331  The seed command has been executed.\n";
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
}

}  // namespace godwit::cli
