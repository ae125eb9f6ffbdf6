#include "recover/repair_original.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <vector>

#include "migrate/checksum.hpp"
#include "migrate/migrations_dir.hpp"

extern char** environ;

namespace godwit::recover {
namespace {

// Runs `git -C dir args...`; its stdout when it exits 0, else nullopt.
std::optional<std::string> repair_git(const std::filesystem::path& dir,
                                      const std::vector<std::string>& args) {
  std::vector<std::string> all{"git", "-C", dir.string()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  int fds[2];
  if (pipe(fds) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  std::string out;
  if (err == 0) {
    char buf[65536];
    for (;;) {
      const ssize_t n = read(fds[0], buf, sizeof buf);
      if (n > 0) {
        out.append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        break;
      }
    }
  }
  close(fds[0]);
  if (err != 0) return std::nullopt;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> original_from_git(const std::filesystem::path& migration_dir,
                                             const std::string& stored_checksum) {
  // "<rev>:./migration.sql" is relative to the folder git runs in; ":./..." is the index.
  std::vector<std::string> revisions{""};
  if (auto log =
          repair_git(migration_dir, {"log", "--all", "--format=%H", "--", "migration.sql"})) {
    std::istringstream in(*log);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) revisions.push_back(line);
  }
  for (const auto& rev : revisions) {
    auto blob = repair_git(migration_dir, {"show", rev + ":./migration.sql"});
    if (!blob) continue;
    std::string text = migrate::read_script_text(std::move(*blob));
    if (migrate::checksum_matches(stored_checksum, text)) return text;
  }
  return std::nullopt;
}

}  // namespace godwit::recover
