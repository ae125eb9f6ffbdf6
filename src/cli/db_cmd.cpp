// db execute: run a SQL script against the datasource, no history table involved.
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
}

}  // namespace godwit::cli
