// libFuzzer target for the prisma.config.ts reader (src/project/config_file.hpp) and the .env
// reader (src/project/dotenv.hpp), docs/fuzzing.md. Besides crashes, hangs and sanitizer
// findings it aborts when
// - the reader throws anything but core::Error (GW2020), or an error without a line;
// - a value's line is outside the file;
// - resolving a readable file (project_config.hpp) throws anything but core::Error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.hpp"
#include "project/config_file.hpp"
#include "project/dotenv.hpp"
#include "project/project_config.hpp"

namespace {

using godwit::project::ConfigNode;

void check_lines(const ConfigNode& n, int last_line) {
  if (n.line < 0 || n.line > last_line) std::abort();
  for (const auto& item : n.items)
    check_lines(item, last_line);
  for (const auto& [key, value] : n.members)
    check_lines(value, last_line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace godwit::project;
  if (size > 64 * 1024) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  int last_line = 1;
  for (char c : text)
    last_line += c == '\n';

  auto env = [](const std::string& name) -> std::optional<std::string> {
    if (name.size() % 2) return "file:./" + name + ".db";
    return std::nullopt;
  };
  auto parsed = parse_dotenv(text);
  (void)expand_dotenv(parsed, env);

  ConfigFile file;
  try {
    file = parse_config(text, "prisma.config.ts");
  } catch (const godwit::core::Error& e) {
    if (e.code() != "GW2020" || !e.where() || e.where()->line < 1 || e.where()->line > last_line)
      std::abort();
    return 0;
  }
  check_lines(file.root, last_line);
  file.path = "/nonexistent-godwit-fuzz/prisma.config.ts";
  try {
    (void)resolve_config(file, "/nonexistent-godwit-fuzz", env);
  } catch (const godwit::core::Error&) {
  }
  return 0;
}
