#include "cli/command.hpp"

namespace godwit::cli {

void add_db_commands(CLI::App& /*db*/, Action& /*action*/) {}

}  // namespace godwit::cli
