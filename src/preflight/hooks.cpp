#include "preflight/hooks.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <vector>

#include "core/error.hpp"

extern char** environ;

namespace godwit::preflight {
namespace {

std::vector<std::string> hook_environment(const HookRun& h) {
  const std::map<std::string, std::string> ours{
      {"GODWIT_HOOK", h.name},     {"GODWIT_MIGRATION", h.migration},
      {"GODWIT_STATUS", h.status}, {"GODWIT_DURATION_MS", std::to_string(h.duration_ms)},
      {"GODWIT_TARGET", h.target}, {"GODWIT_ENV", h.env},
      {"GODWIT_ERROR", h.error},
  };
  std::vector<std::string> out;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (!ours.contains(std::string(entry.substr(0, entry.find('='))))) out.emplace_back(entry);
  }
  for (const auto& [k, v] : ours)
    out.push_back(k + "=" + v);
  return out;
}

std::string exit_text(int code) {
  return code > 128 ? fmt::format("was ended by signal {}", code - 128)
                    : fmt::format("exited with status {}", code);
}

}  // namespace

HookOutcome run_hook(const HookRun& hook) {
  std::vector<std::string> env = hook_environment(hook);
  std::vector<char*> envp;
  for (auto& e : env)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string sh = "/bin/sh", dash_c = "-c", line = hook.command;
  char* argv[] = {sh.data(), dash_c.data(), line.data(), nullptr};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // stdin from /dev/null (a hook must not eat a prompt's answer), stdout to our stderr.
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, 2, 1);
  pid_t pid = 0;
  int err = posix_spawn(&pid, "/bin/sh", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) {
    throw core::Error("GW2509",
                      fmt::format("The {} hook could not be started: /bin/sh: {}.", hook.name,
                                  std::strerror(err)),
                      "godwit runs hooks with /bin/sh -c; check that /bin/sh exists.");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw core::Error("GW2509", fmt::format("Waiting for the {} hook failed: {}.", hook.name,
                                              std::strerror(errno)));
    }
  }
  HookOutcome out;
  out.exit_code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  return out;
}

void run_before_hook(const HookRun& hook, const std::string& stopped_before) {
  auto outcome = run_hook(hook);
  if (outcome.exit_code == 0) return;
  throw core::Error(
      "GW2508",
      fmt::format("The {} hook `{}` {}{}. {}", hook.name, hook.command,
                  exit_text(outcome.exit_code),
                  hook.migration.empty() ? "" : fmt::format(" (migration `{}`)", hook.migration),
                  stopped_before),
      "Fix what the hook checks (its output is above), or change the hook in godwit.toml.");
}

std::string run_after_hook(const HookRun& hook) {
  try {
    auto outcome = run_hook(hook);
    if (outcome.exit_code == 0) return "";
    return fmt::format("godwit: warning: the {} hook `{}` {}.", hook.name, hook.command,
                       exit_text(outcome.exit_code));
  } catch (const core::Error& e) {
    return "godwit: warning: " + e.message();
  }
}

}  // namespace godwit::preflight
