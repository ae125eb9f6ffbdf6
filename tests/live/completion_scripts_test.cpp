// The generated man page and completion scripts (cmake/docs.cmake, under build/share/) run
// through the real tools: bash completes with the script sourced and with bash-completion's
// loader, zsh completes through its completion system in a pseudo-terminal, fish completes with
// the script sourced and autoloaded from a vendor directory, groff and man render the page
// without warnings. A missing shell skips, or fails under GODWIT_REQUIRE_LIVE=1.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "support/test_support.hpp"

#ifndef GODWIT_DOCS_DIR
#error "GODWIT_DOCS_DIR (the generated share/ tree) must be defined by tests/CMakeLists.txt"
#endif

namespace godwit::test {
namespace {
namespace fs = std::filesystem;
using Words = std::vector<std::string>;

const fs::path kDocs = GODWIT_DOCS_DIR;
const fs::path kBash = kDocs / "bash-completion" / "completions" / "godwit";
const fs::path kZshDir = kDocs / "zsh" / "vendor-completions";
const fs::path kFish = kDocs / "fish" / "vendor_completions.d" / "godwit.fish";
const fs::path kMan = kDocs / "man" / "man1" / "godwit.1";

bool have(const std::string& tool) {
  return run_command({"sh", "-c", "command -v " + tool}).exit_code == 0;
}

#define REQUIRE_TOOL(tool, package) \
  GODWIT_REQUIRE_LIVE_PART(have(tool), tool " (Debian package " package ", scripts/install-deps)")

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Words lines(const std::string& text) {
  Words out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

Words sorted(Words v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// A folder with a file and a folder for the path options to complete.
struct Workdir {
  TempDir dir;
  Workdir() {
    write_file(dir.path() / "schema.prisma", "");
    fs::create_directories(dir.path() / "prisma");
  }
};

const std::vector<std::pair<std::string, Words>> kCases = {
    {"godwit mi", {"migrate"}},
    {"godwit migrate ",
     {"adopt-drift", "baseline", "deploy", "dev", "diff", "down", "down-gen", "lint", "repair",
      "reset", "resolve", "squash", "status"}},
    {"godwit migrate deploy --",
     {"--allow",
      "--archive",
      "--backup",
      "--config",
      "--dry-run",
      "--env",
      "--help",
      "--json",
      "--lock-budget",
      "--lock-retries",
      "--lock-timeout",
      "--long-running",
      "--max-standby-lag",
      "--max-standby-wait",
      "--migrations",
      "--no-archive",
      "--no-lint",
      "--no-lock-budget",
      "--report-blockers-after",
      "--resume",
      "--schema",
      "--statement-timeout",
      "--timings",
      "--url",
      "--wait-for-blockers",
      "--yes"}},
    {"godwit db ", {"execute", "pull", "push", "seed"}},
    {"godwit migrate deploy --url x --j", {"--json"}},
    {"godwit migrate deploy --schema sch", {"schema.prisma"}},
    {"godwit migrate deploy --migrations pr", {"prisma"}},
    {"godwit migrate diff -o sch", {"schema.prisma"}},
};

// ---- bash --------------------------------------------------------------------------------

// COMPREPLY of _godwit for `words` (the last one is the word being completed).
Words bash_complete(const Words& words, const fs::path& cwd) {
  std::string array;
  for (const auto& w : words)
    array += " " + sh_quote(w);
  auto r = run_command({"bash", "--norc", "--noprofile", "-c",
                        "source " + sh_quote(kBash.string()) + " && COMP_WORDS=(" + array +
                            ") && COMP_CWORD=" + std::to_string(words.size() - 1) +
                            " && _godwit && printf '%s\\n' \"${COMPREPLY[@]}\""},
                       {}, cwd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return sorted(lines(r.out));
}

Words split_line(const std::string& line) {
  Words out;
  std::istringstream in(line);
  for (std::string w; in >> w;)
    out.push_back(w);
  if (line.ends_with(' ')) out.push_back("");
  return out;
}

TEST(CompletionScripts, Bash) {
  REQUIRE_TOOL("bash", "bash");
  ASSERT_TRUE(fs::exists(kBash)) << kBash;
  Workdir w;
  for (const auto& [line, expected] : kCases)
    EXPECT_EQ(bash_complete(split_line(line), w.dir.path()), expected) << line;
  // bash splits `--schema=sch` at '=' (COMP_WORDBREAKS): three words.
  EXPECT_EQ(bash_complete({"godwit", "migrate", "deploy", "--schema", "=", "sch"}, w.dir.path()),
            Words{"schema.prisma"});
  EXPECT_EQ(
      bash_complete({"godwit", "migrate", "deploy", "--schema", "=", "x", "--j"}, w.dir.path()),
      Words{"--json"});
}

TEST(CompletionScripts, BashCompletionLoaderFindsTheInstalledName) {
  REQUIRE_TOOL("bash", "bash");
  const fs::path loader = "/usr/share/bash-completion/bash_completion";
  GODWIT_REQUIRE_LIVE_PART(fs::exists(loader), "bash-completion (Debian package bash-completion)");
  // share/bash-completion/completions/godwit is where bash-completion looks for `godwit`.
  auto r = run_command(
      {"bash", "--norc", "--noprofile", "-c",
       "source " + loader.string() + " && __load_completion godwit && " + "complete -p godwit"},
      {"XDG_DATA_DIRS=" + kDocs.string(), "BASH_COMPLETION_USER_DIR=/nonexistent"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "complete -F _godwit godwit\n");
}

// ---- zsh ---------------------------------------------------------------------------------

// Sourced by an interactive zsh in a pseudo-terminal: the completion system, with every
// match that compadd adds printed as "<HIT>match" and the count as "<HIT>n=N" at the end.
constexpr const char* kZshInit = R"(PROMPT=''
fpath=($GW_FPATH $fpath)
autoload -U compinit
compinit -u -D
compadd() {
  # Print the matches a call adds: compadd -O computes them, without -D's side effect.
  if (( ! ${@[(I)-[OA]]} )); then
    local -a __args __hits
    local i h
    for ((i = 1; i <= $#; i++)); do
      if [[ ${@[i]} == -D ]]; then (( i++ )); continue; fi
      __args+=("${@[i]}")
    done
    builtin compadd -O __hits "${__args[@]}"
    for h in $__hits; do print -r -- "<HIT>$h"; done
  fi
  builtin compadd "$@"
}
_gw_end() {
  print -r -- "<HIT>n=$compstate[nmatches]"
  print -r -- '<END>'
  compstate[insert]=''
  compstate[list]=''
}
comppostfuncs=(_gw_end)
)";

// zsh -f driver.zsh FPATH INIT LINE: types LINE and a TAB into an interactive zsh.
constexpr const char* kZshDriver = R"(zmodload zsh/zpty
zpty z GW_FPATH=$1 zsh -f -i
zpty -w z "source ${(q)2}"
zpty -w z "$3"$'\t'
local line
while zpty -r z line; do
  line=${line//$'\r'/}
  [[ $line == '<END>'* ]] && break
  [[ $line == '<HIT>'* ]] && print -r -- ${line#<HIT>}
done
zpty -d z
)";

TEST(CompletionScripts, Zsh) {
  REQUIRE_TOOL("zsh", "zsh");
  const auto file = kZshDir / "_godwit";
  ASSERT_TRUE(fs::exists(file)) << file;
  auto syntax = run_command({"zsh", "-n", file.string()});
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;

  Workdir w;
  TempDir scripts;
  write_file(scripts.path() / "init.zsh", kZshInit);
  write_file(scripts.path() / "driver.zsh", kZshDriver);
  for (const auto& [line, expected] : kCases) {
    auto r = run_command({"timeout", "60", "zsh", "-f", (scripts.path() / "driver.zsh").string(),
                          kZshDir.string(), (scripts.path() / "init.zsh").string(), line},
                         {}, w.dir.path());
    ASSERT_EQ(r.exit_code, 0) << line << ": " << r.err;
    Words matches;
    std::string count;
    for (const auto& l : lines(r.out)) {
      if (l.starts_with("n=")) {
        count = l.substr(2);
      } else {
        matches.push_back(l);
      }
    }
    EXPECT_EQ(sorted(matches), expected) << line << "\n" << r.out;
    EXPECT_EQ(count, std::to_string(expected.size())) << line << "\n" << r.out;
  }
}

// ---- fish --------------------------------------------------------------------------------

std::string fish_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// The candidates `complete -C` prints, without their descriptions.
Words fish_candidates(const std::string& output) {
  Words out;
  for (const auto& l : lines(output))
    out.push_back(l.substr(0, l.find('\t')));
  return sorted(out);
}

TEST(CompletionScripts, Fish) {
  REQUIRE_TOOL("fish", "fish");
  ASSERT_TRUE(fs::exists(kFish)) << kFish;
  auto syntax = run_command({"fish", "--no-execute", kFish.string()});
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;

  Workdir w;
  for (auto [line, expected] : kCases) {
    auto r =
        run_command({"fish", "--no-config", "-c",
                     "source " + fish_quote(kFish.string()) + "; complete -C" + fish_quote(line)},
                    {}, w.dir.path());
    EXPECT_EQ(r.exit_code, 0) << line << ": " << r.err;
    if (expected == Words{"prisma"}) expected = {"prisma/"};  // fish shows folders with a slash
    EXPECT_EQ(fish_candidates(r.out), expected) << line << "\n" << r.out;
  }
  auto eq = run_command({"fish", "--no-config", "-c",
                         "source " + fish_quote(kFish.string()) +
                             "; complete -C'godwit migrate deploy --schema=sch'"},
                        {}, w.dir.path());
  EXPECT_EQ(fish_candidates(eq.out), Words{"--schema=schema.prisma"}) << eq.out;
}

TEST(CompletionScripts, FishAutoloadsFromTheVendorDirectory) {
  REQUIRE_TOOL("fish", "fish");
  // fish loads share/fish/vendor_completions.d/godwit.fish from XDG_DATA_DIRS for a godwit
  // command on PATH, as it will from /usr/share or /usr/local/share once installed.
  TempDir home;
  auto path = godwit_binary().parent_path().string() + ":" + std::getenv("PATH");
  auto r = run_command(
      {"fish", "-c", "complete -C'godwit mi'"},
      {"XDG_DATA_DIRS=" + kDocs.string(), "PATH=" + path, "HOME=" + home.path().string(),
       "XDG_CONFIG_HOME=" + (home.path() / "config").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(fish_candidates(r.out), Words{"migrate"}) << r.out;
}

// ---- man ---------------------------------------------------------------------------------

TEST(CompletionScripts, ManPageRendersWithoutWarnings) {
  REQUIRE_TOOL("groff", "groff-base");
  REQUIRE_TOOL("man", "man-db");
  ASSERT_TRUE(fs::exists(kMan)) << kMan;
  auto groff = run_command({"groff", "-man", "-Tutf8", "-ww", "-z", kMan.string()});
  EXPECT_EQ(groff.exit_code, 0);
  EXPECT_EQ(groff.err, "");  // -ww: every warning

  ASSERT_TRUE(fs::exists(kMan.string() + ".gz")) << "the installed page is gzipped";
  for (const auto& page : {kMan.string(), kMan.string() + ".gz"}) {
    auto man = run_command({"man", "--warnings", "-l", page},
                           {"MANWIDTH=100", "MANPAGER=cat", "PAGER=cat", "LC_ALL=C.UTF-8"});
    EXPECT_EQ(man.exit_code, 0) << man.err;
    EXPECT_EQ(man.err, "") << page;
    for (const char* text : {"GODWIT(1)", "SYNOPSIS", "godwit migrate deploy", "--lock-timeout",
                             "EXIT STATUS", "PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"})
      EXPECT_NE(man.out.find(text), std::string::npos) << text << "\n" << man.out;
  }
  if (have("mandoc")) {
    auto lint = run_command({"mandoc", "-Tlint", "-Wwarning", kMan.string()});
    EXPECT_EQ(lint.out + lint.err, "");
  }
}

}  // namespace
}  // namespace godwit::test
