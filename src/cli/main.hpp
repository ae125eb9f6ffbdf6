#pragma once

namespace godwit::cli {

/// Parses the command line, runs the command, prints its output and returns the process exit
/// code (0 success, 1 error or "not up to date" for `migrate status`, as Prisma's CLI).
int run(int argc, char** argv);

}  // namespace godwit::cli
