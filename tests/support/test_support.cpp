#include "support/test_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace godwit::test {
namespace fs = std::filesystem;

fs::path source_dir() {
  return GODWIT_SOURCE_DIR;
}

fs::path corpus_dir() {
  if (const char* c = std::getenv("GODWIT_CORPUS_DIR")) return c;
  return source_dir().parent_path() / "shared" / "corpus";
}

fs::path godwit_binary() {
  return GODWIT_BINARY;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  auto base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("godwit-test-" + std::to_string(getpid()) + "-" +
                             std::to_string(counter++) + "-" + std::to_string(rd() % 100000));
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temp dir");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, std::string_view content) {
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

bool update_expectations() {
  const char* v = std::getenv("GODWIT_UPDATE_EXPECT");
  return v != nullptr && std::string_view(v) == "1";
}

std::string check_golden(const fs::path& expected_path, std::string_view actual) {
  if (update_expectations()) {
    write_file(expected_path, actual);
    return {};
  }
  if (!fs::exists(expected_path)) {
    return "missing expectation " + expected_path.string() +
           " (run with GODWIT_UPDATE_EXPECT=1 to create it)";
  }
  auto expected = read_file(expected_path);
  if (expected == actual) return {};
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
    ++i;
  int line = 1;
  for (std::size_t k = 0; k < i; ++k)
    line += expected[k] == '\n';
  auto context = [&](std::string_view s) {
    auto start = s.rfind('\n', i == 0 ? 0 : i - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    auto end = s.find('\n', i);
    return std::string(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
  };
  return "differs from " + expected_path.string() + " at line " + std::to_string(line) +
         "\n  expected: " + context(expected) + "\n  actual:   " + context(actual);
}

namespace {

// In a forked child: change directory, apply the environment changes ("NAME=value"; "NAME="
// unsets) and exec `argv`. Never returns.
[[noreturn]] void exec_child(const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, const fs::path& cwd) {
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
  for (const auto& kv : env) {
    auto eq = kv.find('=');
    auto name = kv.substr(0, eq);
    auto value = eq == std::string::npos ? std::string() : kv.substr(eq + 1);
    if (value.empty()) {
      unsetenv(name.c_str());
    } else {
      setenv(name.c_str(), value.c_str(), 1);
    }
  }
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          const fs::path& cwd, std::string_view stdin_text) {
  int out_pipe[2], err_pipe[2], in_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0 || pipe(in_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], in_pipe[0], in_pipe[1]}) {
      close(fd);
    }
    exec_child(argv, env, cwd);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  close(in_pipe[0]);
  // Feed stdin fully before reading: test inputs are small.
  std::size_t written = 0;
  while (written < stdin_text.size()) {
    auto n = write(in_pipe[1], stdin_text.data() + written, stdin_text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(in_pipe[1]);
  CommandResult result;
  // Read both pipes without deadlocking on a full one.
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      auto n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

CommandResult run_godwit(const std::vector<std::string>& args, const std::vector<std::string>& env,
                         const fs::path& cwd, std::string_view stdin_text) {
  std::vector<std::string> argv{godwit_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, env, cwd, stdin_text);
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env, const fs::path& cwd) {
  auto out = out_dir_.path() / "out";
  auto err = out_dir_.path() / "err";
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || in < 0) _exit(126);
    dup2(in, 0);
    dup2(o, 1);
    dup2(e, 2);
    exec_child(argv, env, cwd);
  }
}

ChildProcess::~ChildProcess() {
  if (!waited_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait();
  }
}

void ChildProcess::kill(int signal) {
  if (!waited_) ::kill(pid_, signal);
}

CommandResult ChildProcess::wait() {
  if (waited_) return result_;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  waited_ = true;
  result_.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result_.out = read_file(out_dir_.path() / "out");
  result_.err = read_file(out_dir_.path() / "err");
  return result_;
}

std::unique_ptr<ChildProcess> spawn_godwit(const std::vector<std::string>& args,
                                           const std::vector<std::string>& env,
                                           const fs::path& cwd) {
  std::vector<std::string> argv{godwit_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<ChildProcess>(argv, env, cwd);
}

std::string pg_admin_url() {
  const char* v = std::getenv("GODWIT_TEST_PG_URL");
  return v ? v : "";
}

std::string prisma_oracle() {
  const char* v = std::getenv("GODWIT_PRISMA_ORACLE");
  return v ? v : "";
}

bool live_parts_required() {
  const char* v = std::getenv("GODWIT_REQUIRE_LIVE");
  return v != nullptr && std::string_view(v) == "1";
}

namespace {

std::string with_database(const std::string& url, const std::string& db) {
  // postgresql://user@host:port/dbname?params
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?');
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string params = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + db + params;
}

}  // namespace

PgDatabase::PgDatabase(std::string_view name_hint) {
  static std::atomic<int> counter{0};
  std::string hint;
  for (char c : name_hint) {
    hint += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  }
  if (hint.size() > 30) hint.resize(30);
  name_ = "t_" + hint + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  psql(pg_admin_url(), "CREATE DATABASE \"" + name_ + "\"");
  url_ = with_database(pg_admin_url(), name_);
}

PgDatabase::~PgDatabase() {
  try {
    psql(pg_admin_url(), "DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
  } catch (...) {
  }
}

std::string psql(const std::string& url, const std::string& sql) {
  auto r =
      run_command({"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
  if (r.exit_code != 0) throw std::runtime_error("psql failed: " + r.err + "\nSQL: " + sql);
  return r.out;
}

std::string sqlite3_cli(const fs::path& file, const std::string& sql) {
  // On stdin: SQL starting with "--" would be taken for an option as an argument.
  auto r = run_command({"sqlite3", "-bail", file.string()}, {}, {}, sql);
  if (r.exit_code != 0) throw std::runtime_error("sqlite3 failed: " + r.err + "\nSQL: " + sql);
  return r.out;
}

ScopedEnv::ScopedEnv(const char* name, const char* value) : name_(name) {
  if (const char* old = std::getenv(name)) saved_ = old;
  if (value != nullptr) {
    ::setenv(name, value, 1);
  } else {
    ::unsetenv(name);
  }
}

ScopedEnv::~ScopedEnv() {
  if (saved_) {
    ::setenv(name_.c_str(), saved_->c_str(), 1);
  } else {
    ::unsetenv(name_.c_str());
  }
}

}  // namespace godwit::test
