// godwit.toml's project model (src/project/godwit_toml.hpp) and environments
// (environment.hpp): every key read, unknown keys and wrong types refused with the key named,
// the environment's choice (--env > GODWIT_ENV > none), the URL precedence (--url > [env].url >
// config > schema > DATABASE_URL), protection checks for destructive commands and deploy.
#include <gtest/gtest.h>

#include <map>

#include "core/error.hpp"
#include "project/environment.hpp"
#include "project/godwit_toml.hpp"
#include "project/project.hpp"
#include "support/test_support.hpp"

namespace godwit::project {
namespace {
namespace fs = std::filesystem;

std::string error_of(std::string_view text) {
  try {
    parse_godwit_toml(text, "/p/godwit.toml");
  } catch (const core::Error& e) {
    return e.code() + " " + e.message();
  }
  return "no error";
}

TEST(GodwitToml, ReadsEveryKey) {
  auto t = parse_godwit_toml(R"(
[lint]
disable = ["drop-column"]

[hooks]
before_deploy = "echo start"
on_failure = "echo failed"

[backup]
before_deploy = false
dir = "backups"
keep = 5
max_age_days = 30

[env.dev]
url = "file:./dev.db"

[env.prod]
url = 'env("PROD_URL")'
protected = true
lint_stops_deploy = "warning"
lock_budget = 2
lock_retries = 3
statement_timeout = 60.5
wait_for_blockers = 10
report_blockers_after = 1
long_running = 600
max_standby_lag = 5.5
[env.prod.hooks]
before_deploy = "echo prod"
[env.prod.backup]
before_deploy = true
)",
                             "/p/godwit.toml");
  EXPECT_EQ(t.lint.disabled, std::set<std::string>{"drop-column"});
  EXPECT_EQ(t.hooks.before_deploy, "echo start");
  EXPECT_EQ(t.hooks.on_failure, "echo failed");
  EXPECT_FALSE(t.hooks.after_deploy);
  EXPECT_EQ(t.backup.dir, fs::path("/p/backups"));
  EXPECT_EQ(t.backup.keep, 5);
  EXPECT_EQ(t.backup.max_age_days, 30.0);
  ASSERT_EQ(t.envs.size(), 2u);
  const auto& prod = t.envs.at("prod");
  EXPECT_TRUE(prod.is_protected);
  EXPECT_FALSE(t.envs.at("dev").is_protected);
  EXPECT_EQ(prod.url, "env(\"PROD_URL\")");
  EXPECT_EQ(prod.lint_gate, LintGate::kWarning);
  EXPECT_EQ(prod.thresholds.lock_budget, 2.0);  // an integer is a number of seconds too
  EXPECT_EQ(prod.thresholds.lock_retries, 3);
  EXPECT_EQ(prod.thresholds.statement_timeout, 60.5);
  EXPECT_EQ(prod.thresholds.long_running, 600.0);
  EXPECT_EQ(prod.thresholds.max_standby_lag, 5.5);
  EXPECT_FALSE(t.envs.at("dev").thresholds.long_running);
  EXPECT_EQ(prod.hooks.before_deploy, "echo prod");
  EXPECT_EQ(prod.backup.before_deploy, true);
}

TEST(GodwitToml, RefusesUnknownKeysAndWrongTypes) {
  EXPECT_EQ(error_of("[linter]\n"),
            "GW2500 /p/godwit.toml: unknown table or key `linter` (known: lint, hooks, backup, "
            "env)");
  EXPECT_NE(error_of("[env.prod]\nprotect = true\n").find("unknown key `env.prod.protect`"),
            std::string::npos);
  EXPECT_NE(error_of("[env.prod]\nprotected = \"yes\"\n")
                .find("`env.prod.protected` must be true or false"),
            std::string::npos);
  EXPECT_NE(error_of("[hooks]\nbefore = \"x\"\n").find("unknown key `hooks.before`"),
            std::string::npos);
  EXPECT_NE(error_of("[env.prod]\nlock_budget = -1\n").find("from 0 to 86400"), std::string::npos);
  EXPECT_NE(error_of("[env.prod]\nmax_standby_lag = \"30s\"\n").find("env.prod.max_standby_lag"),
            std::string::npos);
  EXPECT_NE(error_of("[env.prod]\nlint_stops_deploy = \"fatal\"\n").find("\"never\""),
            std::string::npos);
  EXPECT_NE(error_of("[backup]\nkeep = 1.5\n").find("`backup.keep` must be a whole number"),
            std::string::npos);
  EXPECT_NE(error_of("env = 3\n").find("`env` must be a table"), std::string::npos);
  EXPECT_NE(error_of("[env\n").find("GW2500 /p/godwit.toml: not valid TOML (line 1)"),
            std::string::npos);
  // [lint] keeps its own code.
  EXPECT_EQ(error_of("[lint]\nfoo = 1\n").substr(0, 6), "GW2403");
  EXPECT_EQ(error_of("# nothing\n"), "no error");
}

std::function<std::optional<std::string>(const std::string&)> lookup(
    std::map<std::string, std::string> vars) {
  return [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Environment, ChoiceAndDefaults) {
  auto t = parse_godwit_toml(
      "[hooks]\nafter_deploy = \"a\"\nbefore_deploy = \"b\"\n[env.prod]\nprotected = true\n"
      "[env.prod.hooks]\nbefore_deploy = \"p\"\n[env.staging]\n",
      "/p/godwit.toml");
  // Neither --env nor GODWIT_ENV: no environment, the top-level hooks only.
  auto none = select_environment(t, std::nullopt, lookup({}));
  EXPECT_EQ(none.name, "");
  EXPECT_FALSE(none.is_protected);
  EXPECT_EQ(none.lint_gate, LintGate::kNever);
  EXPECT_EQ(none.hooks.before_deploy, "b");
  // GODWIT_ENV chooses; --env wins over it.
  auto by_var = select_environment(t, std::nullopt, lookup({{"GODWIT_ENV", "prod"}}));
  EXPECT_EQ(by_var.name, "prod");
  EXPECT_FALSE(by_var.named_by_flag);
  EXPECT_TRUE(by_var.is_protected);
  EXPECT_EQ(by_var.lint_gate, LintGate::kError);  // protected: errors stop a deploy
  EXPECT_EQ(by_var.hooks.before_deploy, "p");     // the environment's key replaces the top one
  EXPECT_EQ(by_var.hooks.after_deploy, "a");      // the others stay
  auto by_flag = select_environment(t, std::string("staging"), lookup({{"GODWIT_ENV", "prod"}}));
  EXPECT_EQ(by_flag.name, "staging");
  EXPECT_TRUE(by_flag.named_by_flag);
  EXPECT_EQ(by_flag.lint_gate, LintGate::kNever);
  // An unknown name lists the known ones.
  try {
    select_environment(t, std::string("prd"), lookup({}));
    ADD_FAILURE() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2501");
    EXPECT_NE(e.message().find("(environments there: prod, staging)"), std::string::npos)
        << e.message();
  }
  // Without godwit.toml, naming an environment is an error too.
  EXPECT_THROW(select_environment(GodwitToml{}, std::nullopt, lookup({{"GODWIT_ENV", "prod"}})),
               core::Error);
}

TEST(Environment, UrlReferences) {
  auto vars = lookup({{"PROD_URL", "postgresql://u:secret@db/app"}, {"EMPTY", ""}});
  EXPECT_EQ(resolve_environment_url("file:./x.db", "dev", vars), "file:./x.db");
  EXPECT_EQ(resolve_environment_url("env(\"PROD_URL\")", "prod", vars),
            "postgresql://u:secret@db/app");
  EXPECT_EQ(resolve_environment_url("env('PROD_URL')", "prod", vars),
            "postgresql://u:secret@db/app");
  for (const char* bad : {"env(\"MISSING\")", "env(\"EMPTY\")", "env(PROD_URL)", "env(\"X')"}) {
    try {
      resolve_environment_url(bad, "prod", vars);
      ADD_FAILURE() << bad;
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), "GW2502") << bad;
    }
  }
}

class EnvironmentProject : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::map<std::string, std::string> vars;
  void SetUp() override {
    test::write_file(dir.path() / "prisma" / "schema.prisma",
                     "datasource db {\n  provider = \"postgresql\"\n  url = env(\"SCHEMA_URL\")\n}"
                     "\n\nmodel A {\n  id Int @id\n}\n");
    test::write_file(dir.path() / "godwit.toml",
                     "[env.prod]\nurl = 'env(\"PROD_URL\")'\nprotected = true\n"
                     "[env.dev]\n");
    vars = {{"SCHEMA_URL", "postgresql://schema@h/s"},
            {"PROD_URL", "postgresql://admin:hunter2@prod.example/app"}};
  }
  Project load(std::optional<std::string> env, std::optional<std::string> url = std::nullopt) {
    ProjectOptions o;
    o.env = std::move(env);
    o.url = std::move(url);
    return load_project(o, dir.path(), lookup(vars));
  }
};

TEST_F(EnvironmentProject, UrlPrecedence) {
  // No environment: Prisma's order (the schema's url here).
  EXPECT_EQ(load(std::nullopt).target.url, "postgresql://schema@h/s");
  // An environment without a url: still Prisma's order.
  EXPECT_EQ(load("dev").target.url, "postgresql://schema@h/s");
  // The environment's url beats the config and the schema.
  auto prod = load("prod");
  EXPECT_EQ(prod.target.url, "postgresql://admin:hunter2@prod.example/app");
  EXPECT_EQ(prod.target.display.find("hunter2"), std::string::npos);
  EXPECT_EQ(prod.environment.name, "prod");
  // --url beats the environment's.
  EXPECT_EQ(load("prod", "postgresql://flag@h/f").target.url, "postgresql://flag@h/f");
  // GODWIT_ENV chooses the environment when --env is not given.
  vars["GODWIT_ENV"] = "prod";
  EXPECT_EQ(load(std::nullopt).environment.name, "prod");
  EXPECT_EQ(load("dev").environment.name, "dev");
}

TEST_F(EnvironmentProject, DestructiveCommandsNeedYesAndTheNameOnTheCommandLine) {
  auto expect_refused = [](const Project& p, bool yes) {
    try {
      require_destructive_ok(p, "migrate reset", yes);
      ADD_FAILURE() << "not refused";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), "GW2505");
      EXPECT_NE(e.hint().find("godwit migrate reset --env prod --yes"), std::string::npos);
      EXPECT_EQ(e.message().find("hunter2"), std::string::npos) << e.message();
    }
  };
  auto prod = load("prod");
  expect_refused(prod, false);
  EXPECT_NO_THROW(require_destructive_ok(prod, "migrate reset", true));
  // Chosen by GODWIT_ENV: --yes is not enough.
  vars["GODWIT_ENV"] = "prod";
  expect_refused(load(std::nullopt), true);
  // Unprotected environments and no environment: nothing to check.
  EXPECT_NO_THROW(require_destructive_ok(load("dev"), "migrate reset", false));
  vars.erase("GODWIT_ENV");
  EXPECT_NO_THROW(require_destructive_ok(load(std::nullopt), "db push --force-reset", false));
}

TEST_F(EnvironmentProject, ProtectedDeployAsksOrNeedsYes) {
  auto prod = load("prod");
  const std::vector<std::string> pending{"20240101000000_init"};
  std::string shown;
  Prompt terminal{true, [&](const std::string& q) -> std::optional<std::string> {
                    shown = q;
                    return std::string("prod\n");
                  }};
  EXPECT_NO_THROW(confirm_protected_deploy(prod, pending, false, terminal));
  EXPECT_NE(shown.find("20240101000000_init"), std::string::npos);
  EXPECT_NE(shown.find("prod.example"), std::string::npos);
  EXPECT_EQ(shown.find("hunter2"), std::string::npos);
  // A wrong answer, or end of input: refused.
  Prompt wrong{true, [](const std::string&) { return std::optional<std::string>("y"); }};
  Prompt eof{true, [](const std::string&) { return std::optional<std::string>(); }};
  for (const auto* prompt : {&wrong, &eof}) {
    try {
      confirm_protected_deploy(prod, pending, false, *prompt);
      ADD_FAILURE() << "not refused";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), "GW2504");
    }
  }
  // No terminal: refused with the flag to add; --yes: no question.
  Prompt none{false, nullptr};
  try {
    confirm_protected_deploy(prod, pending, false, none);
    ADD_FAILURE() << "not refused";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2503");
    EXPECT_NE(e.hint().find("--yes"), std::string::npos);
  }
  EXPECT_NO_THROW(confirm_protected_deploy(prod, pending, true, none));
  // Nothing pending, or an unprotected environment: no question.
  EXPECT_NO_THROW(confirm_protected_deploy(prod, {}, false, none));
  EXPECT_NO_THROW(confirm_protected_deploy(load("dev"), pending, false, none));
}

}  // namespace
}  // namespace godwit::project
