#include "project/godwit_toml.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace godwit::project {
namespace {
namespace fs = std::filesystem;

[[noreturn]] void toml_bad(const fs::path& file, const std::string& what) {
  throw core::Error("GW2500", fmt::format("{}: {}", file.string(), what),
                    "See README.md, \"Configuration\", for godwit.toml's keys.");
}

std::string toml_string(const toml::node& n, const fs::path& file, const std::string& key) {
  auto s = n.value<std::string>();
  if (!s || n.is_table() || n.is_array()) toml_bad(file, fmt::format("`{}` must be a string", key));
  return *s;
}

bool toml_bool(const toml::node& n, const fs::path& file, const std::string& key) {
  if (!n.is_boolean()) toml_bad(file, fmt::format("`{}` must be true or false", key));
  return *n.value<bool>();
}

double toml_seconds(const toml::node& n, const fs::path& file, const std::string& key) {
  if (!n.is_number()) toml_bad(file, fmt::format("`{}` must be a number of seconds", key));
  double v = *n.value<double>();
  if (!(v >= 0 && v <= 86400)) {
    toml_bad(file, fmt::format("`{}` must be a number of seconds from 0 to 86400", key));
  }
  return v;
}

long long toml_count(const toml::node& n, const fs::path& file, const std::string& key,
                     long long max) {
  if (!n.is_integer()) toml_bad(file, fmt::format("`{}` must be a whole number", key));
  long long v = *n.value<long long>();
  if (v < 0 || v > max) toml_bad(file, fmt::format("`{}` must be from 0 to {}", key, max));
  return v;
}

const toml::table& toml_table(const toml::node& n, const fs::path& file, const std::string& key) {
  const auto* t = n.as_table();
  if (t == nullptr) toml_bad(file, fmt::format("`{}` must be a table ([{}])", key, key));
  return *t;
}

void read_hooks(const toml::table& t, const fs::path& file, const std::string& prefix, Hooks& out) {
  for (const auto& [k, v] : t) {
    std::string key(k.str());
    std::string full = prefix + "." + key;
    std::optional<std::string>* slot = key == "before_deploy"      ? &out.before_deploy
                                       : key == "after_deploy"     ? &out.after_deploy
                                       : key == "before_migration" ? &out.before_migration
                                       : key == "after_migration"  ? &out.after_migration
                                       : key == "on_failure"       ? &out.on_failure
                                                                   : nullptr;
    if (slot == nullptr) {
      toml_bad(file, fmt::format("unknown key `{}` (known: before_deploy, after_deploy, "
                                 "before_migration, after_migration, on_failure)",
                                 full));
    }
    *slot = toml_string(v, file, full);
  }
}

void read_backup(const toml::table& t, const fs::path& file, const std::string& prefix,
                 BackupPolicy& out) {
  for (const auto& [k, v] : t) {
    std::string key(k.str());
    std::string full = prefix + "." + key;
    if (key == "before_deploy") {
      out.before_deploy = toml_bool(v, file, full);
    } else if (key == "dir") {
      fs::path p = toml_string(v, file, full);
      out.dir = p.is_absolute() ? p : (file.parent_path() / p).lexically_normal();
    } else if (key == "keep") {
      out.keep = toml_count(v, file, full, 1'000'000);
    } else if (key == "max_age_days") {
      if (!v.is_number()) toml_bad(file, fmt::format("`{}` must be a number of days", full));
      out.max_age_days = *v.value<double>();
      if (*out.max_age_days < 0) toml_bad(file, fmt::format("`{}` must not be negative", full));
    } else {
      toml_bad(file, fmt::format("unknown key `{}` (known: before_deploy, dir, keep, "
                                 "max_age_days)",
                                 full));
    }
  }
}

EnvironmentConfig read_env(const std::string& name, const toml::table& t, const fs::path& file) {
  EnvironmentConfig e;
  e.name = name;
  const std::string prefix = "env." + name;
  for (const auto& [k, v] : t) {
    std::string key(k.str());
    std::string full = prefix + "." + key;
    if (key == "url") {
      e.url = toml_string(v, file, full);
    } else if (key == "protected") {
      e.is_protected = toml_bool(v, file, full);
    } else if (key == "archive") {
      e.archive = toml_bool(v, file, full);
    } else if (key == "lint_stops_deploy") {
      auto s = toml_string(v, file, full);
      if (s == "never")
        e.lint_gate = LintGate::kNever;
      else if (s == "warning")
        e.lint_gate = LintGate::kWarning;
      else if (s == "error")
        e.lint_gate = LintGate::kError;
      else
        toml_bad(file, fmt::format("`{}` must be \"error\", \"warning\" or \"never\"", full));
    } else if (key == "lock_budget") {
      e.thresholds.lock_budget = toml_seconds(v, file, full);
    } else if (key == "statement_timeout") {
      e.thresholds.statement_timeout = toml_seconds(v, file, full);
    } else if (key == "wait_for_blockers") {
      e.thresholds.wait_for_blockers = toml_seconds(v, file, full);
    } else if (key == "report_blockers_after") {
      e.thresholds.report_blockers_after = toml_seconds(v, file, full);
    } else if (key == "long_running") {
      e.thresholds.long_running = toml_seconds(v, file, full);
    } else if (key == "max_standby_lag") {
      e.thresholds.max_standby_lag = toml_seconds(v, file, full);
    } else if (key == "lock_retries") {
      e.thresholds.lock_retries = toml_count(v, file, full, 1000);
    } else if (key == "hooks") {
      read_hooks(toml_table(v, file, full), file, full, e.hooks);
    } else if (key == "backup") {
      read_backup(toml_table(v, file, full), file, full, e.backup);
    } else {
      toml_bad(file,
               fmt::format("unknown key `{}` (known: url, protected, archive, lint_stops_deploy, "
                           "lock_budget, lock_retries, statement_timeout, wait_for_blockers, "
                           "report_blockers_after, long_running, max_standby_lag, hooks, backup)",
                           full));
    }
  }
  return e;
}

}  // namespace

std::string_view lint_gate_name(LintGate g) {
  switch (g) {
    case LintGate::kNever:
      return "never";
    case LintGate::kWarning:
      return "warning";
    case LintGate::kError:
      return "error";
  }
  return "never";
}

GodwitToml parse_godwit_toml(std::string_view text, const fs::path& file) {
  GodwitToml out;
  out.file = file;
  toml::table doc;
  try {
    doc = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    toml_bad(file,
             fmt::format("not valid TOML (line {}): {}", e.source().begin.line, e.description()));
  }
  for (const auto& [k, v] : doc) {
    std::string key(k.str());
    if (key == "lint") {
      continue;  // lint/config.cpp reads it (below), with its own error code
    } else if (key == "hooks") {
      read_hooks(toml_table(v, file, key), file, key, out.hooks);
    } else if (key == "backup") {
      read_backup(toml_table(v, file, key), file, key, out.backup);
    } else if (key == "env") {
      for (const auto& [name, table] : toml_table(v, file, key)) {
        std::string n(name.str());
        if (n.empty()) toml_bad(file, "an environment needs a name: [env.NAME]");
        out.envs[n] = read_env(n, toml_table(table, file, "env." + n), file);
      }
    } else {
      toml_bad(file,
               fmt::format("unknown table or key `{}` (known: lint, hooks, backup, env)", key));
    }
  }
  out.lint = lint::parse_config(text, file);
  return out;
}

GodwitToml read_godwit_toml(const fs::path& dir) {
  auto file = dir / "godwit.toml";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return {};
  std::ifstream in(file, std::ios::binary);
  if (!in) toml_bad(file, "cannot be read");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_godwit_toml(ss.str(), file);
}

}  // namespace godwit::project
