// The man page and completion scripts cover godwit's real command tree: every subcommand path
// and every option, walked here straight from CLI11 (not through docgen::describe).
#include <gtest/gtest.h>

#include <cctype>

#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/docgen.hpp"

namespace godwit::cli {
namespace {

struct Node {
  std::vector<std::string> path;  // below the program: {"migrate", "deploy"}
  std::vector<std::string> subcommands;
  std::vector<const CLI::Option*> options;
};

void walk(const CLI::App& app, std::vector<std::string> path, std::vector<Node>& out) {
  Node n{path, {}, app.get_options([](const CLI::Option* o) { return o->nonpositional(); })};
  auto subs = app.get_subcommands([](const CLI::App*) { return true; });
  for (const CLI::App* s : subs)
    n.subcommands.push_back(s->get_name());
  out.push_back(n);
  for (const CLI::App* s : subs) {
    auto p = path;
    p.push_back(s->get_name());
    walk(*s, p, out);
  }
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v)
    out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> spellings(const CLI::Option& o) {
  std::vector<std::string> out;
  for (const auto& s : o.get_snames())
    out.push_back("-" + s);
  for (const auto& l : o.get_lnames())
    out.push_back("--" + l);
  return out;
}

bool takes_path(const CLI::Option& o) {
  auto t = o.get_type_name();
  return t.starts_with("PATH") || t.starts_with("FILE") || t.starts_with("DIR");
}

// The text from `start` up to the first `end` after it ("" when `start` is missing).
std::string block(const std::string& text, const std::string& start, const std::string& end) {
  auto at = text.find(start);
  if (at == std::string::npos) return "";
  auto stop = text.find(end, at + start.size());
  return text.substr(at, stop == std::string::npos ? std::string::npos : stop - at);
}

std::string roff(const std::string& s) {
  std::string out;
  for (char c : s)
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

class DocgenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    build_app(app_, action_);
    app_.name("godwit");
    walk(app_, {}, nodes_);
  }
  Action action_;
  CLI::App app_;
  std::vector<Node> nodes_;
};

TEST_F(DocgenTest, TreeIsTheRealOne) {
  // A sanity check of the walk itself, so the tests below cannot pass on an empty tree.
  ASSERT_GE(nodes_.size(), 10u);
  bool deploy = false;
  for (const auto& n : nodes_)
    deploy = deploy || join(n.path, " ") == "migrate deploy";
  EXPECT_TRUE(deploy);
}

TEST_F(DocgenTest, ManPageHasEveryCommandAndOption) {
  const auto man = docgen::man_page(app_, man_extras("2025-01-01"));
  for (const char* section :
       {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH OPTIONS",
        ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH \"SEE ALSO\""})
    EXPECT_NE(man.find(section), std::string::npos) << section;
  EXPECT_NE(man.find(".TH \"GODWIT\" 1 \"2025-01-01\" \"godwit " + std::string(version())),
            std::string::npos);
  for (const auto& n : nodes_) {
    std::string name = join(n.path, " ");
    std::string b = n.path.empty() ? block(man, ".SH OPTIONS\n", ".SH")
                                   : block(man, ".SS \"" + roff("godwit " + name) + "\"\n", ".S");
    ASSERT_FALSE(b.empty()) << "no man section for `godwit " << name << "`";
    for (const auto* o : n.options)
      for (const auto& s : spellings(*o))
        EXPECT_NE(b.find("\\fB" + roff(s) + "\\fR"), std::string::npos) << name << " " << s;
    // Subcommands: listed in their parent's section (the program's: before the first .SS).
    auto listing = n.path.empty() ? block(man, ".SH COMMANDS\n", ".SS") : b;
    for (const auto& s : n.subcommands)
      EXPECT_NE(listing.find("\\fB" + roff(s) + "\\fR"), std::string::npos) << name << " " << s;
  }
  // Every line that roff takes as a request is one the generator meant.
  EXPECT_EQ(man.find("\n'"), std::string::npos);
  for (std::size_t at = 0; at < man.size(); at = man.find('\n', at) + 1) {
    if (man[at] != '.') continue;
    auto request = man.substr(at, man.find_first_of(" \n", at) - at);
    EXPECT_TRUE(request == ".\\\"" || request == ".TH" || request == ".SH" || request == ".SS" ||
                request == ".TP" || request == ".PP" || request == ".br")
        << man.substr(at, 60);
  }
}

TEST_F(DocgenTest, BashCompletionHasEveryCommandAndOption) {
  const auto bash = docgen::bash_completion(app_);
  EXPECT_NE(bash.find("complete -F _godwit 'godwit'"), std::string::npos);
  for (const auto& n : nodes_) {
    std::string name = join(n.path, " ");
    auto b = block(bash, "    '" + std::string(n.path.empty() ? "godwit" : "godwit " + name) + "')",
                   ";;");
    ASSERT_FALSE(b.empty()) << "no bash case for `godwit " << name << "`";
    EXPECT_NE(b.find("subs='" + join(n.subcommands, " ") + "'"), std::string::npos) << b;
    std::vector<std::string> opts;
    for (const auto* o : n.options) {
      for (const auto& s : spellings(*o)) {
        opts.push_back(s);
        if (!takes_path(*o)) continue;
        // --schema is in `files='... --schema ...'` (or dirs=, for a DIR).
        std::string key = o->get_type_name().starts_with("DIR") ? "dirs='" : "files='";
        auto list = block(b, key, "'\n");
        ASSERT_FALSE(list.empty()) << b;
        list = " " + list.substr(key.size()) + " ";
        EXPECT_NE(list.find(" " + s + " "), std::string::npos) << name << " " << s << ": " << b;
      }
    }
    EXPECT_NE(b.find("opts='" + join(opts, " ") + "'"), std::string::npos) << b;
  }
}

TEST_F(DocgenTest, ZshCompletionHasEveryCommandAndOption) {
  const auto zsh = docgen::zsh_completion(app_);
  EXPECT_TRUE(zsh.starts_with("#compdef godwit\n"));
  for (const auto& n : nodes_) {
    // zsh function names: the command path joined by `_`, other characters (the `-` of
    // `down-gen`) as `_`.
    auto zsh_name = [](std::string name) {
      for (auto& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    };
    std::string fn = "_godwit";
    for (const auto& p : n.path)
      fn += "_" + zsh_name(p);
    auto b = block(zsh, "\n" + fn + "() {\n", "\n}\n");
    ASSERT_FALSE(b.empty()) << "no zsh function " << fn;
    for (const auto* o : n.options) {
      for (const auto& s : spellings(*o)) {
        // '--schema=[...', '--json[...', or {-o+,--output=} for an option with two names.
        bool found = b.find("'" + s + "[") != std::string::npos ||
                     b.find("'" + s + "=[") != std::string::npos ||
                     b.find("{" + s) != std::string::npos || b.find("," + s) != std::string::npos;
        EXPECT_TRUE(found) << fn << " " << s;
      }
      if (takes_path(*o)) {
        EXPECT_NE(b.find(":_files"), std::string::npos) << fn << " " << o->get_name();
      }
    }
    for (const auto& s : n.subcommands) {
      EXPECT_NE(b.find("'" + s + ":"), std::string::npos) << fn << " " << s;
      EXPECT_NE(b.find("('" + s + "') " + fn + "_" + zsh_name(s)), std::string::npos)
          << fn << " " << s;
    }
  }
}

TEST_F(DocgenTest, FishCompletionHasEveryCommandAndOption) {
  const auto fish = docgen::fish_completion(app_);
  for (const auto& n : nodes_) {
    const std::string cond = "-n '__godwit_at \\'" + join(n.path, " ") + "\\''";
    for (const auto* o : n.options) {
      std::string flags;
      for (const auto& s : o->get_snames())
        flags += " -s '" + s + "'";
      for (const auto& l : o->get_lnames())
        flags += " -l '" + l + "'";
      auto line = block(fish, "complete -c 'godwit' " + cond + flags, "\n");
      ASSERT_FALSE(line.empty()) << "fish: " << cond << flags;
      if (takes_path(*o)) {
        EXPECT_TRUE(line.find(" -F") != std::string::npos ||
                    line.find("__fish_complete_directories") != std::string::npos)
            << line;
      }
    }
    for (const auto& s : n.subcommands)
      EXPECT_NE(fish.find("complete -c 'godwit' " + cond + " -a '" + s + "'"), std::string::npos)
          << cond << " " << s;
  }
}

TEST(Docgen, RoffEscape) {
  using docgen::roff_escape;
  EXPECT_EQ(roff_escape("a-b"), "a\\-b");
  EXPECT_EQ(roff_escape("C:\\dir"), "C:\\edir");
  EXPECT_EQ(roff_escape(".prisma files"), "\\&.prisma files");
  EXPECT_EQ(roff_escape("'quoted'"), "\\&'quoted'");
  EXPECT_EQ(roff_escape("a.b 'c'"), "a.b 'c'");
  EXPECT_EQ(roff_escape("\xE2\x80\x94 \xF0\x9F\x9A\x80"), "\\[u2014] \\[u1F680]");
  EXPECT_EQ(roff_escape("bad \xE2\x80"), "bad \\[uFFFD]\\[uFFFD]");
}

TEST(Docgen, Summary) {
  using docgen::summary;
  EXPECT_EQ(summary("Run a script. It does things."), "Run a script");
  EXPECT_EQ(summary("URL; overrides the datasource"), "URL");
  EXPECT_EQ(summary("Apply (Prisma's `migrate deploy`. See). More."),
            "Apply (Prisma's `migrate deploy`. See)");
  EXPECT_EQ(summary("Seconds to wait for another migrate process's lock before failing with P1002 "
                    "(PostgreSQL: advisory lock)"),
            "Seconds to wait for another migrate process's lock before failing with P1002");
  EXPECT_LE(summary(std::string(200, 'x')).size(), 80u);
}

// Help texts with every character the shells and roff treat specially come out quoted.
TEST(Docgen, SpecialCharactersAreQuoted) {
  CLI::App app{"tool: does [things] with 'quotes' and \\ backslashes", "tool"};
  std::string v;
  bool f = false;
  auto* sub = app.add_subcommand("run", ".starts with a dot; it's [odd]");
  sub->add_option("--in", v, "it's a \\path [x]")->type_name("FILE");
  sub->add_flag("--quiet", f, "say $nothing `at all`");
  auto* hidden = app.add_subcommand("secret", "hidden");
  hidden->group("");

  const auto man = docgen::man_page(app, docgen::ManExtras{});
  EXPECT_NE(man.find("\n\\&.starts with a dot; it's [odd]\n"), std::string::npos) << man;
  EXPECT_NE(man.find("it's a \\epath [x]"), std::string::npos);
  EXPECT_EQ(man.find("secret"), std::string::npos);

  const auto zsh = docgen::zsh_completion(app);
  EXPECT_NE(zsh.find("'--in=[it'\\''s a \\\\path \\[x\\]]:file:_files'"), std::string::npos) << zsh;
  EXPECT_NE(zsh.find("'run:.starts with a dot'"), std::string::npos) << zsh;
  EXPECT_EQ(zsh.find("secret"), std::string::npos);

  const auto fish = docgen::fish_completion(app);
  EXPECT_NE(fish.find("-l 'in' -r -F -d 'it\\'s a \\\\path [x]'"), std::string::npos) << fish;
  EXPECT_NE(fish.find("-l 'quiet' -d 'say $nothing `at all`'"), std::string::npos) << fish;
  EXPECT_EQ(fish.find("secret"), std::string::npos);

  const auto bash = docgen::bash_completion(app);
  EXPECT_NE(bash.find("files='--in'"), std::string::npos) << bash;
  EXPECT_EQ(bash.find("secret"), std::string::npos);
}

TEST(Docgen, UnnamedAppIsRejected) {
  CLI::App app{"no name"};
  EXPECT_THROW(docgen::bash_completion(app), std::invalid_argument);
}

}  // namespace
}  // namespace godwit::cli
