#pragma once
// Running the seed command with Prisma 7.10.1's console output, shared by `db seed` and
// `migrate reset --seed` (prisma-compat.md §5.11).

#include <map>
#include <string>

namespace godwit::cli {

/// Prints "Running seed command `<command_line>` ...", runs it (migrate::run_seed) with `dotenv`
/// added to its environment, then Prisma's success line on stdout or its failure lines on
/// stderr. Returns 0 when the command exited 0, else 1 (Prisma's exit code for a failed seed).
/// Errors: core::Error GW2030 when /bin/sh cannot be started.
int run_seed_and_report(const std::string& command_line,
                        const std::map<std::string, std::string>& dotenv);

}  // namespace godwit::cli
