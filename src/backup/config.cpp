#include "backup/config.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace godwit::backup {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void bad_backup_key(const fs::path& file, const std::string& what) {
  throw core::Error("GW2606", fmt::format("{}: {}", file.string(), what),
                    "See README.md, \"Configuration\", for the `[backup]` keys: dir, keep, "
                    "max_age_days, before_deploy.");
}

int backup_count_key(const toml::node& n, const fs::path& file, std::string_view key) {
  auto v = n.value<std::int64_t>();
  if (!v || *v < 0 || *v > 1'000'000)
    bad_backup_key(file, fmt::format("`backup.{}` must be a whole number from 0 to 1000000", key));
  return static_cast<int>(*v);
}

}  // namespace

Policy parse_policy(std::string_view toml_text, const fs::path& file, const fs::path& base_dir) {
  Policy p;
  p.file = file;
  p.dir = base_dir / kDefaultDir;
  toml::table doc;
  try {
    doc = toml::parse(toml_text, file.string());
  } catch (const toml::parse_error& e) {
    bad_backup_key(
        file, fmt::format("not valid TOML (line {}): {}", e.source().begin.line, e.description()));
  }
  const auto* node = doc.get("backup");
  if (node == nullptr) return p;
  const auto* t = node->as_table();
  if (t == nullptr) bad_backup_key(file, "`backup` must be a table ([backup])");
  for (const auto& [key, value] : *t) {
    if (key == "dir") {
      auto s = value.value<std::string>();
      if (!s || s->empty()) bad_backup_key(file, "`backup.dir` must be a non-empty string");
      fs::path d(*s);
      p.dir = d.is_absolute() ? d : base_dir / d;
    } else if (key == "keep") {
      p.keep = backup_count_key(value, file, "keep");
    } else if (key == "max_age_days") {
      p.max_age_days = backup_count_key(value, file, "max_age_days");
    } else if (key == "before_deploy") {
      auto b = value.value<bool>();
      if (!b) bad_backup_key(file, "`backup.before_deploy` must be true or false");
      p.before_deploy = *b;
    } else {
      bad_backup_key(file, fmt::format("unknown key `backup.{}`", key.str()));
    }
  }
  p.dir = p.dir.lexically_normal();
  return p;
}

Policy read_policy(const fs::path& dir) {
  const fs::path base = fs::absolute(dir);
  const fs::path file = base / "godwit.toml";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Policy p;
    p.dir = (base / kDefaultDir).lexically_normal();
    return p;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_policy(ss.str(), file, base);
}

}  // namespace godwit::backup
