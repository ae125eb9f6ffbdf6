// Running pg_dump and pg_restore (pg_tools.hpp).
#include "dialect/postgres/backup/pg_tools.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <regex>

#include "core/error.hpp"

extern char** environ;

namespace godwit::postgres {
namespace fs = std::filesystem;

namespace {

// libpq reads these from the environment when the connection string leaves them out; a
// leftover PGSERVICE or PGHOSTADDR in the shell must not send a backup elsewhere than the URL.
bool pg_tools_is_connection_var(std::string_view entry) {
  static constexpr std::string_view kVars[] = {"PGHOST=",
                                               "PGHOSTADDR=",
                                               "PGPORT=",
                                               "PGDATABASE=",
                                               "PGUSER=",
                                               "PGPASSWORD=",
                                               "PGPASSFILE=",
                                               "PGSERVICE=",
                                               "PGSERVICEFILE=",
                                               "PGOPTIONS=",
                                               "PGSSLMODE=",
                                               "PGSSLROOTCERT=",
                                               "PGSSLCERT=",
                                               "PGSSLKEY=",
                                               "PGAPPNAME=",
                                               "PGCONNECT_TIMEOUT=",
                                               "PGCHANNELBINDING=",
                                               "PGGSSENCMODE=",
                                               "PGTARGETSESSIONATTRS=",
                                               "PGREQUIRESSL=",
                                               "PGSSLCOMPRESSION="};
  for (auto v : kVars)
    if (entry.starts_with(v)) return true;
  return false;
}

std::string pg_tools_conninfo_quote(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::optional<fs::path> find_on_path(std::string_view name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::string_view rest(path);
  while (true) {
    auto colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir = ".";
    fs::path candidate = fs::path(dir) / std::string(name);
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

fs::path require_tool(std::string_view name, int server_major, std::string_view needed_for) {
  if (auto p = find_on_path(name)) return *p;
  throw core::Error(
      "GW2600", fmt::format("`{}` was not found on PATH; {} needs it.", name, needed_for),
      fmt::format("Install PostgreSQL's client programs of the server's major version or newer "
                  "(Debian/Ubuntu: `apt-get install postgresql-client-{}`), or put their folder "
                  "on PATH.",
                  server_major > 0 ? server_major : 15));
}

ToolVersion tool_version(const fs::path& tool) {
  ToolProcess p(tool, {"--version"}, nullptr);
  auto o = p.wait();
  static const std::regex kVersion(
      R"(^(.*?\(PostgreSQL\)\s+(\d+)(?:\.\d+)*(?:beta\d+|rc\d+|devel)?))");
  std::smatch m;
  if (o.exit_code != 0 || !std::regex_search(o.out, m, kVersion)) {
    throw core::Error("GW2602",
                      fmt::format("`{} --version` did not print a PostgreSQL version (exit {}): {}",
                                  tool.string(), o.exit_code, o.out + o.err),
                      "Check that the program on PATH is PostgreSQL's.");
  }
  return ToolVersion{m[1].str(), std::stoi(m[2].str())};
}

std::string conninfo_without_password(const ConnectionTarget& target) {
  std::string out;
  for (const auto& [key, value] : target.libpq_params) {
    if (key == "password" || key == "sslpassword") continue;
    if (!out.empty()) out += ' ';
    out += key + "=" + pg_tools_conninfo_quote(value);
  }
  return out;
}

ToolProcess::ToolProcess(const fs::path& tool, const std::vector<std::string>& args,
                         const ConnectionTarget* target) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    if (!pg_tools_is_connection_var(*e)) env.emplace_back(*e);
  }
  if (target != nullptr) {
    auto pw = target->param("password");
    if (!pw.empty()) env.push_back("PGPASSWORD=" + pw);
  }
  std::vector<char*> envp;
  for (auto& e : env)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_s{tool.string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw core::Error("GW2602", "pipe() failed");
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    throw core::Error("GW2602", "pipe() failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = 0;
  int err = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (err != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    throw core::Error(
        "GW2602", fmt::format("`{}` could not be started: {}", tool.string(), std::strerror(err)));
  }
  pid_ = pid;
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
}

ToolProcess::~ToolProcess() {
  if (!waited_ && pid_ > 0) {
    // Only reached when the caller failed while the tool ran: stop it, never leave it behind.
    ::kill(pid_, SIGTERM);
    try {
      wait();
    } catch (...) {
    }
  }
  if (out_fd_ >= 0) ::close(out_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
}

ToolProcess::Outcome ToolProcess::wait() {
  Outcome o;
  waited_ = true;
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  std::string* sinks[2] = {&o.out, &o.err};
  int open_count = 2;
  char buf[8192];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0) {
    if (errno != EINTR) break;
  }
  o.exit_code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  return o;
}

}  // namespace godwit::postgres
