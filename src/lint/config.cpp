#include "lint/config.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace godwit::lint {
namespace {

[[noreturn]] void bad(const std::filesystem::path& file, const std::string& what) {
  throw core::Error("GW2403", fmt::format("{}: {}", file.string(), what),
                    "See docs/lint.md, \"Configuration\", for the `[lint]` keys.");
}

std::set<std::string> string_array(const toml::node& n, const std::filesystem::path& file,
                                   std::string_view key) {
  const auto* arr = n.as_array();
  if (arr == nullptr) bad(file, fmt::format("`lint.{}` must be an array of strings", key));
  std::set<std::string> out;
  for (const auto& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) bad(file, fmt::format("`lint.{}` must be an array of strings", key));
    out.insert(*s);
  }
  return out;
}

}  // namespace

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

bool parse_severity(std::string_view text, Severity& out) {
  if (text == "info")
    out = Severity::kInfo;
  else if (text == "warning")
    out = Severity::kWarning;
  else if (text == "error")
    out = Severity::kError;
  else
    return false;
  return true;
}

Config parse_config(std::string_view toml_text, const std::filesystem::path& file) {
  Config c;
  c.file = file;
  toml::table doc;
  try {
    doc = toml::parse(toml_text, file.string());
  } catch (const toml::parse_error& e) {
    bad(file, fmt::format("not valid TOML (line {}): {}", e.source().begin.line, e.description()));
  }
  const auto* lint = doc.get("lint");
  if (lint == nullptr) return c;
  const auto* t = lint->as_table();
  if (t == nullptr) bad(file, "`lint` must be a table ([lint])");
  for (const auto& [key, value] : *t) {
    if (key == "disable") {
      c.disabled = string_array(value, file, "disable");
    } else if (key == "include") {
      c.included = string_array(value, file, "include");
    } else if (key == "severity") {
      const auto* sev = value.as_table();
      if (sev == nullptr) bad(file, "`lint.severity` must be a table of CODE = \"level\"");
      for (const auto& [code, level] : *sev) {
        auto s = level.value<std::string>();
        Severity parsed{};
        if (!s || !parse_severity(*s, parsed)) {
          bad(file, fmt::format("`lint.severity.{}` must be \"info\", \"warning\" or \"error\"",
                                code.str()));
        }
        c.severity[std::string(code.str())] = parsed;
      }
    } else {
      bad(file,
          fmt::format("unknown key `lint.{}` (known: disable, include, severity)", key.str()));
    }
  }
  return c;
}

Config read_config(const std::filesystem::path& dir) {
  auto file = dir / "godwit.toml";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  std::ifstream in(file, std::ios::binary);
  if (!in) bad(file, "cannot be read");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), file);
}

}  // namespace godwit::lint
