// The Debian package: cpack (from this build's CPackConfig.cmake, cmake/packaging.cmake) into a
// temporary directory, then the package is read with dpkg-deb, never installed. Depends must
// name the package of every shared library the binary links (found by dpkg-shlibdeps) plus
// libpq5, which godwit loads with dlopen(); the files must be under usr/ with a stripped,
// runnable usr/bin/godwit.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

std::string project_version() {
  std::smatch m;
  std::string cmake = read_file(source_dir() / "CMakeLists.txt");
  if (!std::regex_search(cmake, m, std::regex(R"(project\(godwit VERSION ([0-9.]+))"))) return "";
  return m[1];
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.pop_back();
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

// Depends: "a (>= 1), b | c, d" -> {"a": "a (>= 1)", "b": "b | c", "d": "d"}.
std::map<std::string, std::string> depends_by_name(const std::string& depends) {
  std::map<std::string, std::string> out;
  std::regex item(R"(\s*([a-z0-9][a-z0-9+.-]*)[^,]*)");
  for (std::sregex_iterator it(depends.begin(), depends.end(), item), end; it != end; ++it) {
    out[(*it)[1]] = trim((*it)[0].str().substr((*it)[0].str().find_first_not_of(' ')));
  }
  return out;
}

// The Debian package (name prefix) that provides each shared library godwit may link. An
// unknown NEEDED entry fails the test: a new dependency must be looked at here (and in
// packaging/npm/linux-x64-gnu/README.md, which scripts/package-npm checks).
const std::map<std::string, std::string> kPackageOfLibrary = {
    {"libc.so.6", "libc6"},
    {"libm.so.6", "libc6"},
    {"ld-linux-x86-64.so.2", "libc6"},
    {"libstdc++.so.6", "libstdc++6"},
    {"libgcc_s.so.1", "libgcc-s1"},
    {"libsqlite3.so.0", "libsqlite3-0"},
    {"libcrypto.so.3", "libssl3"},  // libssl3t64 on Debian 13
};

bool tools_available() {
  return run_command({"cpack", "--version"}).exit_code == 0 &&
         run_command({"dpkg-deb", "--version"}).exit_code == 0 &&
         run_command({"dpkg-shlibdeps", "--version"}).exit_code == 0;
}

TEST(PackageDeb, DependsAndContents) {
  GODWIT_REQUIRE_LIVE_PART(tools_available(),
                           "cpack (cmake), dpkg-deb and dpkg-shlibdeps (Debian package dpkg-dev)");
  const fs::path build = godwit_binary().parent_path();
  ASSERT_TRUE(fs::exists(build / "CPackConfig.cmake")) << build;
  const std::string version = project_version();
  ASSERT_FALSE(version.empty());
  const std::string arch = trim(run_command({"dpkg", "--print-architecture"}).out);
  ASSERT_FALSE(arch.empty());

  TempDir out;
  auto cpack = run_command(
      {"cpack", "--config", (build / "CPackConfig.cmake").string(), "-B", out.path().string()});
  ASSERT_EQ(cpack.exit_code, 0) << cpack.out << cpack.err;
  const fs::path deb = out.path() / ("godwit_" + version + "_" + arch + ".deb");
  ASSERT_TRUE(fs::exists(deb)) << cpack.out;

  auto field = [&](const std::string& name) {
    auto r = run_command({"dpkg-deb", "--field", deb.string(), name});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return trim(r.out);
  };
  EXPECT_EQ(field("Package"), "godwit");
  EXPECT_EQ(field("Version"), version);
  EXPECT_EQ(field("Architecture"), arch);
  EXPECT_EQ(field("Section"), "database");
  EXPECT_FALSE(field("Maintainer").empty());
  EXPECT_NE(field("Description").find("Prisma"), std::string::npos);

  const std::string depends_line = field("Depends");
  auto depends = depends_by_name(depends_line);
  // dlopen()ed, so declared by hand; 12 or newer for gssencmode.
  EXPECT_EQ(depends["libpq5"], "libpq5 (>= 12)") << depends_line;
  // Every library in the binary's ELF header, found by dpkg-shlibdeps, with a version.
  auto needed = run_command({"readelf", "-d", godwit_binary().string()});
  ASSERT_EQ(needed.exit_code, 0);
  std::regex needed_re(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])");
  std::set<std::string> sonames;
  for (std::sregex_iterator it(needed.out.begin(), needed.out.end(), needed_re), end; it != end;
       ++it) {
    sonames.insert((*it)[1]);
  }
  EXPECT_TRUE(sonames.count("libsqlite3.so.0"));
  // libcrypto is linked dynamically in every build a package is made from (the package
  // refuses GODWIT_STATIC_LIBCRYPTO=ON), so OpenSSL security updates reach godwit.
  EXPECT_TRUE(sonames.count("libcrypto.so.3")) << "libcrypto is not linked dynamically";
  for (const auto& soname : sonames) {
    auto pkg = kPackageOfLibrary.find(soname);
    if (pkg == kPackageOfLibrary.end()) {
      ADD_FAILURE() << "the binary links " << soname << ", unknown to this test";
      continue;
    }
    bool found = false;
    for (const auto& [name, item] : depends) {
      if (name.starts_with(pkg->second) && item.find("(>= ") != std::string::npos) found = true;
    }
    EXPECT_TRUE(found) << soname << " -> " << pkg->second << " missing from: " << depends_line;
  }

  // Contents: everything under usr/, owned by root, the binary executable.
  auto contents = run_command({"dpkg-deb", "--contents", deb.string()});
  ASSERT_EQ(contents.exit_code, 0) << contents.err;
  bool has_binary = false;
  for (const auto& line : lines(contents.out)) {
    SCOPED_TRACE(line);
    EXPECT_NE(line.find(" root/root "), std::string::npos);
    auto path = line.substr(line.find("./"));
    EXPECT_TRUE(path == "./" || path.starts_with("./usr/")) << path;
    EXPECT_EQ(path.find("/usr/local"), std::string::npos);
    if (path == "./usr/bin/godwit") {
      has_binary = true;
      EXPECT_TRUE(line.starts_with("-rwxr-xr-x")) << line;
    }
  }
  EXPECT_TRUE(has_binary) << contents.out;

  // The packaged binary: stripped, and it runs.
  TempDir root;
  auto extract = run_command({"dpkg-deb", "--extract", deb.string(), root.path().string()});
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  const fs::path packaged = root.path() / "usr" / "bin" / "godwit";
  auto sections = run_command({"readelf", "-S", packaged.string()});
  EXPECT_EQ(sections.out.find(".debug_info"), std::string::npos);
  auto v = run_command({packaged.string(), "--version"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "godwit " + version + "\n");
}

}  // namespace
}  // namespace godwit::test
