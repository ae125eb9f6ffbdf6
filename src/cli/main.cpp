#include "cli/main.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/error.hpp"

namespace godwit::cli {

int run(int argc, char** argv) {
  CLI::App app{"godwit: a Prisma-compatible, safety-first database schema migration engine"};
  app.set_version_flag("--version", std::string("godwit ") + GODWIT_VERSION);
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}

}  // namespace godwit::cli
