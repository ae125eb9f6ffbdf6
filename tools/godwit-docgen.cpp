// godwit-docgen man|bash|zsh|fish [OUTPUT]: prints godwit's man page or a shell completion
// script (or writes it to OUTPUT), generated from the command tree the godwit binary parses
// with (src/cli/docgen.hpp). Used by the build (cmake/docs.cmake); the man page's date is
// SOURCE_DATE_EPOCH's, else today's.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/app.hpp"
#include "cli/docgen.hpp"

namespace {

std::string page_date() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
    t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  char buf[16];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace godwit::cli;
  const std::string_view what = argc >= 2 ? argv[1] : "";
  Action action;
  CLI::App app;
  build_app(app, action);
  app.name("godwit");
  std::string text;
  if (what == "man") {
    text = docgen::man_page(app, man_extras(page_date()));
  } else if (what == "bash") {
    text = docgen::bash_completion(app);
  } else if (what == "zsh") {
    text = docgen::zsh_completion(app);
  } else if (what == "fish") {
    text = docgen::fish_completion(app);
  }
  if (text.empty() || argc > 3) {
    std::cerr << "usage: godwit-docgen man|bash|zsh|fish [OUTPUT]\n";
    return 2;
  }
  if (argc == 3) {
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "godwit-docgen: cannot write " << argv[2] << "\n";
      std::remove(argv[2]);
      return 1;
    }
    return 0;
  }
  std::cout << text << std::flush;
  return std::cout ? 0 : 1;
}
