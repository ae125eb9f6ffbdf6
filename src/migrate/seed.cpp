#include "migrate/seed.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "core/error.hpp"

extern char** environ;

namespace godwit::migrate {

namespace {

// The process environment, then the `.env` variables it does not already have.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& dotenv) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> names;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    names.emplace(entry.substr(0, entry.find('=')));
    out.emplace_back(entry);
  }
  for (const auto& [name, value] : dotenv) {
    if (!names.contains(name)) out.push_back(name + "=" + value);
  }
  return out;
}

}  // namespace

std::string seed_command_line(const std::string& command, const std::vector<std::string>& args) {
  std::string out = command;
  for (const auto& a : args)
    out += " " + a;
  return out;
}

SeedOutcome run_seed(const std::string& command_line,
                     const std::map<std::string, std::string>& dotenv) {
  SeedOutcome outcome;
  std::string line = command_line;

  std::vector<std::string> env = child_environment(dotenv);
  std::vector<char*> envp;
  for (auto& e : env)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string sh = "/bin/sh", dash_c = "-c";
  char* argv[] = {sh.data(), dash_c.data(), line.data(), nullptr};

  pid_t pid = 0;
  if (int err = posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, envp.data()); err != 0) {
    throw core::Error(
        "GW2030",
        "The seed command could not be started: /bin/sh: " + std::string(std::strerror(err)) + ".",
        "godwit runs the seed command with /bin/sh -c, as Prisma does.");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw core::Error("GW2030", "Waiting for the seed command failed: " +
                                      std::string(std::strerror(errno)) + ".");
    }
  }
  if (WIFSIGNALED(status)) {
    outcome.signal = WTERMSIG(status);
    outcome.exit_code = 128 + outcome.signal;
  } else {
    outcome.exit_code = WEXITSTATUS(status);
  }
  return outcome;
}

}  // namespace godwit::migrate
