#pragma once
// Helpers shared by the render and diff golden tests. Unlike test::check_golden, nothing here
// writes expectation files: the expected outputs come from the real Prisma CLI only
// (tests/golden/render/make_expected.sh, tests/golden/diff/make_expected.sh, corpus
// prisma-golden/).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::test {

/// "" when equal, else the line number and both lines at the first differing byte.
inline std::string first_difference(std::string_view expected, std::string_view actual) {
  if (expected == actual) return {};
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
    ++i;
  int line = 1 + static_cast<int>(std::count(expected.begin(), expected.begin() + i, '\n'));
  auto line_at = [i](std::string_view s) {
    auto start = i == 0 ? std::string_view::npos : s.rfind('\n', i - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    auto end = s.find('\n', i);
    return std::string(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
  };
  return "first difference at byte " + std::to_string(i) + ", line " + std::to_string(line) +
         "\n  expected: " + line_at(expected) + "\n  actual:   " + line_at(actual) +
         "\n  (sizes: expected " + std::to_string(expected.size()) + ", actual " +
         std::to_string(actual.size()) + ")";
}

/// `schema` with the datasource's `provider = "..."` replaced, as the oracle's oracle.sh and
/// make_expected.sh do (only inside the datasource block; generators are untouched).
inline std::string with_provider(std::string_view schema, std::string_view provider) {
  std::string out;
  bool in_datasource = false;
  std::size_t pos = 0;
  while (pos < schema.size()) {
    auto end = schema.find('\n', pos);
    std::string line(schema.substr(pos, end == std::string_view::npos ? schema.npos : end - pos));
    pos = end == std::string_view::npos ? schema.size() : end + 1;
    auto first = line.find_first_not_of(" \t");
    std::string_view trimmed =
        first == std::string::npos ? std::string_view{} : std::string_view(line).substr(first);
    if (trimmed.rfind("datasource", 0) == 0 && line.find('{') != std::string::npos) {
      in_datasource = true;
    }
    if (in_datasource && trimmed.rfind("provider", 0) == 0 &&
        trimmed.find('=') != std::string_view::npos) {
      auto q1 = line.find('"');
      auto q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 1);
      if (q2 != std::string::npos)
        line = line.substr(0, q1 + 1) + std::string(provider) + line.substr(q2);
    }
    if (in_datasource && line.find('}') != std::string::npos) in_datasource = false;
    out += line;
    if (end != std::string_view::npos) out += '\n';
  }
  return out;
}

/// One golden case folder and one provider it is checked for.
struct GoldenCase {
  std::string name;
  std::string provider;
};

/// The providers a case folder lists in its `providers` file, whitespace-separated
/// (default: postgresql and sqlite), as the make_expected.sh scripts read them.
inline std::vector<std::string> golden_providers(const std::filesystem::path& dir) {
  std::ifstream file(dir / "providers");
  if (!file) return {"postgresql", "sqlite"};
  std::vector<std::string> out;
  for (std::string p; file >> p;)
    out.push_back(p);
  return out;
}

/// Every (folder under `root` holding `marker`, provider) pair, sorted by name then provider.
inline std::vector<GoldenCase> golden_cases(const std::filesystem::path& root,
                                            std::string_view marker) {
  std::vector<GoldenCase> out;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (!std::filesystem::exists(entry.path() / marker)) continue;
    for (const auto& p : golden_providers(entry.path()))
      out.push_back({entry.path().filename().string(), p});
  }
  std::sort(out.begin(), out.end(), [](const GoldenCase& a, const GoldenCase& b) {
    return a.name != b.name ? a.name < b.name : a.provider < b.provider;
  });
  return out;
}

/// The gtest name of a case ("enums_postgresql").
inline std::string golden_case_name(const GoldenCase& c) {
  return c.name + "_" + c.provider;
}

}  // namespace godwit::test
