#include "project/environment.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "project/project.hpp"

namespace godwit::project {
namespace {

template <typename T>
void take_if_set(std::optional<T>& into, const std::optional<T>& from) {
  if (from) into = from;
}

std::string env_names(const GodwitToml& config) {
  std::string out;
  for (const auto& [name, e] : config.envs)
    out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

// The target as the prompt and the refusals name it: the redacted URL.
std::string target_text(const Project& p) {
  return p.target.display.empty() ? std::string("(no database URL)") : p.target.display;
}

}  // namespace

Environment select_environment(
    const GodwitToml& config, const std::optional<std::string>& flag,
    const std::function<std::optional<std::string>(const std::string&)>& env) {
  Environment out;
  out.hooks = config.hooks;
  out.backup = config.backup;
  std::optional<std::string> name = flag;
  if (!name) {
    if (auto v = env("GODWIT_ENV"); v && !v->empty()) name = *v;
  }
  if (!name) return out;
  const auto where = flag ? std::string("--env") : std::string("GODWIT_ENV");
  auto it = config.envs.find(*name);
  if (it == config.envs.end()) {
    throw core::Error(
        "GW2501",
        config.file ? fmt::format("{} names the environment `{}`, which {} does not define "
                                  "(environments there: {}).",
                                  where, *name, config.file->string(), env_names(config))
                    : fmt::format("{} names the environment `{}`, but there is no godwit.toml in "
                                  "the current folder to define it.",
                                  where, *name),
        fmt::format("Add an [env.{}] table to godwit.toml, or choose another environment{}.", *name,
                    flag ? "" : " (unset GODWIT_ENV to use none)"));
  }
  const auto& e = it->second;
  out.name = *name;
  out.named_by_flag = flag.has_value();
  out.is_protected = e.is_protected;
  out.archive = e.archive.value_or(e.is_protected);
  out.lint_gate = e.lint_gate.value_or(e.is_protected ? LintGate::kError : LintGate::kNever);
  out.thresholds = e.thresholds;
  out.url = e.url;
  take_if_set(out.hooks.before_deploy, e.hooks.before_deploy);
  take_if_set(out.hooks.after_deploy, e.hooks.after_deploy);
  take_if_set(out.hooks.before_migration, e.hooks.before_migration);
  take_if_set(out.hooks.after_migration, e.hooks.after_migration);
  take_if_set(out.hooks.on_failure, e.hooks.on_failure);
  take_if_set(out.backup.before_deploy, e.backup.before_deploy);
  take_if_set(out.backup.dir, e.backup.dir);
  take_if_set(out.backup.keep, e.backup.keep);
  take_if_set(out.backup.max_age_days, e.backup.max_age_days);
  return out;
}

std::string resolve_environment_url(
    const std::string& raw, const std::string& env_name,
    const std::function<std::optional<std::string>(const std::string&)>& lookup) {
  std::string_view s = core::trim(raw);
  if (!s.starts_with("env(")) return raw;
  // env("VAR") or env('VAR'), nothing else around it.
  if (s.size() < 7 || s.back() != ')' || (s[4] != '"' && s[4] != '\'') || s[s.size() - 2] != s[4]) {
    throw core::Error("GW2502",
                      fmt::format("godwit.toml: [env.{}].url `{}` is neither a URL nor "
                                  "env(\"VARIABLE\").",
                                  env_name, raw),
                      fmt::format("Write url = 'env(\"PROD_DATABASE_URL\")' or a literal URL in "
                                  "[env.{}].",
                                  env_name));
  }
  std::string var(s.substr(5, s.size() - 7));
  auto v = lookup(var);
  if (!v || core::trim(*v).empty()) {
    throw core::Error(
        "GW2502",
        fmt::format("The environment `{}` takes its URL from the variable {} "
                    "(godwit.toml: [env.{}].url), which is not set.",
                    env_name, var, env_name),
        fmt::format("Set {} in the environment (or a .env file), or pass --url.", var));
  }
  return *v;
}

void require_destructive_ok(const Project& project, std::string_view action, bool yes) {
  const auto& e = project.environment;
  if (!e.is_protected) return;
  if (yes && e.named_by_flag) return;
  throw core::Error(
      "GW2505",
      fmt::format("`{}` destroys data, and the environment `{}` ({}) is protected in godwit.toml: "
                  "godwit refuses to run it{}.",
                  action, e.name, target_text(project),
                  e.named_by_flag ? " without --yes"
                                  : " when the environment was chosen by GODWIT_ENV, not named "
                                    "on the command line"),
      fmt::format("If you mean to destroy this environment's data, name it and confirm on the "
                  "command line: godwit {} --env {} --yes",
                  action, e.name));
}

void confirm_protected_deploy(const Project& project, const std::vector<std::string>& pending,
                              bool yes, const Prompt& prompt) {
  const auto& e = project.environment;
  if (!e.is_protected || pending.empty() || yes) return;
  std::string list;
  for (const auto& m : pending)
    list += "  - " + m + "\n";
  const auto summary = fmt::format(
      "The environment `{}` is protected (godwit.toml). Target: {}\nPending migration{} to "
      "apply:\n{}",
      e.name, target_text(project), pending.size() == 1 ? "" : "s", list);
  if (!prompt.interactive || !prompt.ask) {
    throw core::Error("GW2503",
                      summary +
                          "godwit asks for a confirmation before deploying to it, and "
                          "there is no terminal to ask on. Nothing was applied.",
                      "Add --yes to confirm non-interactively (CI).");
  }
  auto answer = prompt.ask(summary + fmt::format("Type the environment's name (`{}`) to apply "
                                                 "them: ",
                                                 e.name));
  if (!answer || core::trim(*answer) != e.name) {
    throw core::Error("GW2504",
                      fmt::format("Deploy to the protected environment `{}` not confirmed. "
                                  "Nothing was applied.",
                                  e.name),
                      "Type the environment's name at the prompt, or pass --yes.");
  }
}

}  // namespace godwit::project
