#include "cli/command.hpp"

namespace godwit::cli {

void add_migrate_commands(CLI::App& /*migrate*/, Action& /*action*/) {}

}  // namespace godwit::cli
