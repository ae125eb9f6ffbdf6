#pragma once
// The seed command (`db seed`, and `migrate reset` / `migrate dev` after they apply): the shell
// command of prisma.config.ts's `migrations.seed` (Prisma 7) or package.json's `prisma.seed`
// (Prisma 6), run as Prisma runs it (prisma-compat.md §5.10; Prisma's `executeSeedCommand`,
// execa with `shell: true`): `/bin/sh -c "<command> <args joined by spaces>"` in the current
// directory, standard streams inherited, the process environment plus the variables Prisma
// would have loaded from `.env` files (which never override the process's own).

#include <map>
#include <string>
#include <vector>

namespace godwit::migrate {

struct SeedOutcome {
  int exit_code = 0;  ///< the command's exit status; 128 + signal when a signal ended it
  int signal = 0;     ///< the signal that ended it, 0 if it exited
};

/// What runs: the seed command and the extra arguments, joined by spaces (not quoted: the shell
/// splits them again, as with Prisma).
std::string seed_command_line(const std::string& command, const std::vector<std::string>& args);

/// Runs `command_line` through /bin/sh -c and waits for it. Ctrl-C reaches it too (same
/// process group); godwit waits for it to end before going on.
/// Errors: core::Error GW2030 when /bin/sh cannot be started.
SeedOutcome run_seed(const std::string& command_line,
                     const std::map<std::string, std::string>& dotenv);

}  // namespace godwit::migrate
