#include "cli/command.hpp"

namespace godwit::cli {

void add_schema_commands(CLI::App& /*app*/, Action& /*action*/) {}

}  // namespace godwit::cli
