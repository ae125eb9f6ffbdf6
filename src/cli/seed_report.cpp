#include "cli/seed_report.hpp"

#include <fmt/format.h>

#include <iostream>

#include "db/interrupt.hpp"
#include "migrate/seed.hpp"

namespace godwit::cli {

int run_seed_and_report(const std::string& command_line,
                        const std::map<std::string, std::string>& dotenv) {
  std::cout << "Running seed command `" << command_line << "` ..." << std::endl;
  auto outcome = migrate::run_seed(command_line, dotenv);
  if (outcome.exit_code != 0) {
    std::cerr << "\nAn error occurred while running the seed command:\n";
    if (outcome.signal != 0) {
      std::cerr << fmt::format("Error: Command was killed with {}: {}\n",
                               db::signal_name(outcome.signal), command_line);
    } else {
      std::cerr << fmt::format("Error: Command failed with exit code {}: {}\n", outcome.exit_code,
                               command_line);
    }
    return 1;
  }
  std::cout << "\n\U0001f331  The seed command has been executed.\n";
  return 0;
}

}  // namespace godwit::cli
