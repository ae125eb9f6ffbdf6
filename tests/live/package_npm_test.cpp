// The npm packages as a user gets them: scripts/package-npm packs this build's binary, npm
// installs the two tarballs offline (a private empty cache, no registry) into a fresh project,
// and `npx godwit` on a copy of examples/ prints the same bytes and exits with the same codes as
// the binary run directly. The launcher's passing-through of arguments, stdin, stdout/stderr,
// exit codes and signals is checked exactly with a stand-in binary (GODWIT_BINARY_PATH).
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <thread>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string project_version() {
  std::smatch m;
  std::string cmake = read_file(source_dir() / "CMakeLists.txt");
  if (!std::regex_search(cmake, m, std::regex(R"(project\(godwit VERSION ([0-9.]+))"))) return "";
  return m[1];
}

bool npm_available() {
  return run_command({"npm", "--version"}).exit_code == 0 &&
         run_command({"npx", "--version"}).exit_code == 0;
}

// A temporary npm project with godwit installed from freshly packed tarballs.
class NpmProject {
 public:
  NpmProject() {
    fs::create_directories(project());
    write_file(work_.path() / "npmrc", "");  // no user configuration (registry, cache) applies
    auto pack = run_command({"bash", (source_dir() / "scripts" / "package-npm").string(),
                             godwit_binary().parent_path().string(), tarballs().string()},
                            npm_env());
    pack_result_ = pack;
    if (pack.exit_code != 0) return;
    // Copy examples/ (a blog schema on SQLite) without any dev.db a quick start left there.
    fs::copy(source_dir() / "examples", project(), fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(project() / "prisma")) {
      if (e.path().filename().string().starts_with("dev.db")) fs::remove(e.path());
    }
    write_file(project() / "package.json",
               R"({"name": "godwit-npm-test", "version": "1.0.0", "private": true})"
               "\n");
  }
  const fs::path& root() const { return work_.path(); }
  fs::path project() const { return work_.path() / "project"; }
  fs::path tarballs() const { return work_.path() / "tarballs"; }
  fs::path launcher() const { return project() / "node_modules" / ".bin" / "godwit"; }
  const CommandResult& pack_result() const { return pack_result_; }

  // npm with nothing but this test's settings: an empty private cache and --offline, so the
  // install cannot fetch anything (a missing package fails it instead).
  std::vector<std::string> npm_env() const {
    return {"npm_config_userconfig=" + (work_.path() / "npmrc").string(),
            "npm_config_cache=" + (work_.path() / "npm-cache").string(),
            "npm_config_offline=true",
            "npm_config_update_notifier=false",
            "npm_config_fund=false",
            "npm_config_audit=false",
            "GODWIT_BINARY_PATH=",
            "DATABASE_URL="};
  }

  CommandResult install() const {
    std::vector<std::string> argv{"npm", "install", "--offline", "--no-audit", "--no-fund"};
    for (const auto& e : fs::directory_iterator(tarballs()))
      argv.push_back(e.path().string());
    return run_command(argv, npm_env(), project());
  }

  CommandResult npx(const std::vector<std::string>& args, std::string_view stdin_text = {},
                    const std::vector<std::string>& extra_env = {}) const {
    std::vector<std::string> argv{"npx", "--no-install", "godwit"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto env = npm_env();
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    return run_command(argv, env, project(), stdin_text);
  }

 private:
  TempDir work_;
  CommandResult pack_result_;
};

TEST(PackageNpm, PackedTarballsInstallOfflineAndRunTheExample) {
  GODWIT_REQUIRE_LIVE_PART(npm_available(), "npm and npx (Debian package npm)");
  NpmProject p;
  ASSERT_EQ(p.pack_result().exit_code, 0) << p.pack_result().err;
  const std::string version = project_version();
  ASSERT_FALSE(version.empty());
  ASSERT_TRUE(fs::exists(p.tarballs() / ("godwit-" + version + ".tgz"))) << p.pack_result().out;
  ASSERT_TRUE(fs::exists(p.tarballs() / ("godwit-linux-x64-gnu-" + version + ".tgz")))
      << p.pack_result().out;

  auto install = p.install();
  ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  auto binary = p.project() / "node_modules" / "@godwit" / "linux-x64-gnu" / "bin" / "godwit";
  ASSERT_TRUE(fs::exists(binary)) << "the platform package was not installed:\n" << install.out;
  EXPECT_TRUE((fs::status(binary).permissions() & fs::perms::owner_exec) != fs::perms::none);
  // A stripped copy of this build's binary: no symbol table, same version.
  auto symbols = run_command({"readelf", "-S", binary.string()});
  EXPECT_EQ(symbols.out.find(".symtab"), std::string::npos);
  EXPECT_EQ(symbols.out.find(".debug_info"), std::string::npos);

  auto v = p.npx({"--version"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "godwit " + version + "\n");
  EXPECT_EQ(v.err, "");

  // The same commands on a second copy of the example with the binary run directly: npx must
  // give the same stdout, stderr and exit code.
  TempDir direct_dir;
  fs::copy(p.project() / "prisma", direct_dir.path() / "prisma", fs::copy_options::recursive);
  auto same = [&](const std::vector<std::string>& args, int expected_exit,
                  std::string_view stdin_text = {}) {
    SCOPED_TRACE(::testing::PrintToString(args));
    auto direct = run_godwit(args, {"DATABASE_URL="}, direct_dir.path(), stdin_text);
    auto via_npx = p.npx(args, stdin_text);
    EXPECT_EQ(direct.exit_code, expected_exit) << direct.out << direct.err;
    EXPECT_EQ(via_npx.exit_code, expected_exit) << via_npx.out << via_npx.err;
    // Messages may name files by absolute path: the two copies differ only there.
    for (auto* r : {&direct, &via_npx}) {
      const std::string dir = (r == &direct ? direct_dir.path() : p.project()).string();
      for (auto* text : {&r->out, &r->err}) {
        for (auto at = text->find(dir); at != std::string::npos; at = text->find(dir, at)) {
          text->replace(at, dir.size(), "<example>");
        }
      }
    }
    EXPECT_EQ(via_npx.out, direct.out);
    EXPECT_EQ(via_npx.err, direct.err);
    return via_npx;
  };
  auto missing = same({"migrate", "status"}, 1);  // no prisma/dev.db yet
  EXPECT_NE(missing.err.find("Error: P1003"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("<example>/prisma/dev.db"), std::string::npos) << missing.err;
  auto deploy = same({"migrate", "deploy"}, 0);
  EXPECT_NE(deploy.out.find("All migrations have been successfully applied."), std::string::npos)
      << deploy.out;
  auto status = same({"migrate", "status"}, 0);
  EXPECT_NE(status.out.find("Database schema is up to date!"), std::string::npos) << status.out;
  same({"db", "execute", "--stdin"}, 0, "INSERT INTO \"Tag\" (\"name\") VALUES ('npm');\n");
  auto failed = same({"db", "execute", "--stdin"}, 1, "SELECT * FROM \"NoSuchTable\";\n");
  EXPECT_NE(failed.err.find("NoSuchTable"), std::string::npos) << failed.err;
  for (const auto& dir : {p.project(), direct_dir.path()}) {
    write_file(dir / "prisma" / "migrations" / "20990101000000_later" / "migration.sql",
               "CREATE TABLE \"Later\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  }
  auto pending = same({"migrate", "status"}, 1);
  EXPECT_NE(pending.out.find("20990101000000_later"), std::string::npos) << pending.out;
}

// The launcher with a stand-in binary: what it receives and what comes back, byte for byte.
class NpmLauncher : public ::testing::Test {
 protected:
  void SetUp() override {
    GODWIT_REQUIRE_LIVE_PART(npm_available(), "npm and npx (Debian package npm)");
    project_ = std::make_unique<NpmProject>();
    ASSERT_EQ(project_->pack_result().exit_code, 0) << project_->pack_result().err;
    auto install = project_->install();
    ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
    ASSERT_TRUE(fs::exists(project_->launcher()));
    stand_in_ = project_->root() / "stand-in";
    write_file(stand_in_,
               "#!/bin/sh\n"
               "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n"
               "case \"$STAND_IN_MODE\" in\n"
               "  echo) cat; echo to-stderr >&2; exit 42 ;;\n"
               "  die) kill -TERM $$; sleep 5; exit 0 ;;\n"
               "  wait) trap 'echo got-TERM >&2; exit 7' TERM; : > \"$STAND_IN_READY\"\n"
               "        i=0; while [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; exit 3 ;;\n"
               "esac\n");
    fs::permissions(stand_in_, fs::perms::owner_all);
  }
  std::vector<std::string> env(const std::string& mode) const {
    auto e = project_->npm_env();
    e.push_back("GODWIT_BINARY_PATH=" + stand_in_.string());
    e.push_back("STAND_IN_MODE=" + mode);
    e.push_back("STAND_IN_READY=" + (project_->root() / "ready").string());
    return e;
  }
  std::unique_ptr<NpmProject> project_;
  fs::path stand_in_;
};

TEST_F(NpmLauncher, PassesArgumentsStdinOutputAndExitCode) {
  const std::vector<std::string> args{"migrate", "status", "two words", "", "ü", "--x=\"q\"'"};
  const std::string expected_out =
      "[migrate]\n[status]\n[two words]\n[]\n[ü]\n[--x=\"q\"']\nline 1\nno newline at the end";
  for (const auto& via_npx : {false, true}) {
    SCOPED_TRACE(via_npx ? "npx" : "node_modules/.bin/godwit");
    std::vector<std::string> argv;
    if (via_npx) {
      argv = {"npx", "--no-install", "godwit"};
    } else {
      argv = {project_->launcher().string()};
    }
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = run_command(argv, env("echo"), project_->project(), "line 1\nno newline at the end");
    EXPECT_EQ(r.exit_code, 42);
    EXPECT_EQ(r.out, expected_out);
    EXPECT_EQ(r.err, "to-stderr\n");
  }
}

TEST_F(NpmLauncher, DiesOfTheSignalTheBinaryDiesOf) {
  // perl's system() tells a death by signal from an exit with 128 + signal (a shell does not).
  auto r = run_command(
      {"perl", "-e", "system(@ARGV); printf(\"signal=%d exit=%d\\n\", $? & 127, $? >> 8)",
       project_->launcher().string()},
      env("die"), project_->project());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "signal=" + std::to_string(SIGTERM) + " exit=0\n") << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(NpmLauncher, ForwardsSignalsToTheBinary) {
  ChildProcess launcher({project_->launcher().string()}, env("wait"), project_->project());
  auto ready = project_->root() / "ready";
  for (int i = 0; i < 200 && !fs::exists(ready); ++i)
    std::this_thread::sleep_for(50ms);
  ASSERT_TRUE(fs::exists(ready)) << "the stand-in did not start";
  launcher.kill(SIGTERM);
  auto r = launcher.wait();
  EXPECT_EQ(r.exit_code, 7) << r.out << r.err;  // the stand-in's TERM trap ran and exited 7
  EXPECT_EQ(r.err, "got-TERM\n");
}

TEST_F(NpmLauncher, SaysWhenThePlatformPackageIsMissing) {
  fs::remove_all(project_->project() / "node_modules" / "@godwit" / "linux-x64-gnu");
  auto e = project_->npm_env();
  auto r = run_command({project_->launcher().string(), "--version"}, e, project_->project());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("@godwit/linux-x64-gnu"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("optional"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace godwit::test
