#include "cli/command.hpp"

namespace godwit::cli {

void add_migrate_diff_command(CLI::App& /*migrate*/, Action& /*action*/) {}

}  // namespace godwit::cli
