#pragma once
// PostgreSQL's client programs (pg_dump, pg_restore) as backups run them: found on PATH, their
// major version read, started with the connection in their environment and on the command line
// without the password (PGPASSWORD only), their output captured.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialect/postgres/connect/url.hpp"

namespace godwit::postgres {

/// The first executable `name` on PATH, or nullopt.
std::optional<std::filesystem::path> find_on_path(std::string_view name);

/// `name` on PATH. Errors: GW2600 naming the Debian package of the server's major version
/// (`postgresql-client-15`) and what needs it.
std::filesystem::path require_tool(std::string_view name, int server_major,
                                   std::string_view needed_for);

/// A tool's version from its `--version` line: "pg_dump (PostgreSQL) 15.18 (Debian ...)" ->
/// {text "pg_dump (PostgreSQL) 15.18", major 15}. Errors: GW2602 when the tool does not run or
/// prints no version.
struct ToolVersion {
  std::string text;
  int major = 0;
};
ToolVersion tool_version(const std::filesystem::path& tool);

/// The libpq connection string for `target` without its password (for `--dbname=`), values
/// single-quoted as libpq's conninfo syntax wants.
std::string conninfo_without_password(const ConnectionTarget& target);

/// A running tool. Its stderr (and stdout, when not sent to a file) is read while it runs.
class ToolProcess {
 public:
  /// Starts `tool` with `args` (argv[1..]); the environment is godwit's without the libpq
  /// connection variables (PGHOST, PGSERVICE, ...: the URL alone decides where to connect), plus
  /// PGPASSWORD when `target` has a password. Errors: GW2602 when it cannot be started.
  ToolProcess(const std::filesystem::path& tool, const std::vector<std::string>& args,
              const ConnectionTarget* target);
  ~ToolProcess();
  ToolProcess(const ToolProcess&) = delete;
  ToolProcess& operator=(const ToolProcess&) = delete;

  struct Outcome {
    int exit_code = 0;  ///< 128 + signal when a signal ended it
    std::string out;
    std::string err;
  };
  /// Waits for the tool to end.
  Outcome wait();

 private:
  int pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  bool waited_ = false;
};

}  // namespace godwit::postgres
