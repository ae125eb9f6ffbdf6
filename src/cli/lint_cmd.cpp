// migrate lint: which files to lint (pending migrations, the whole folder, or paths), which
// dialect's rules, godwit.toml's [lint]; then print what src/lint returns.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "lint/run.hpp"
#include "lint/text.hpp"
#include "migrate/migrations_dir.hpp"
#include "migrate/status.hpp"
#include "project/godwit_toml.hpp"

namespace godwit::cli {
namespace {
namespace fs = std::filesystem;

struct LintOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::vector<std::string> include;
  std::string provider;
  bool all = false;
};

// A path as the user gave it, or relative to the current folder: lexical only, because
// display_path()'s canonical form costs a readlink per path component, per file.
std::string lint_display(const fs::path& p) {
  if (p.is_relative()) return p.lexically_normal().string();
  static const fs::path cwd = fs::current_path();
  auto rel = p.lexically_relative(cwd);
  if (rel.empty() || rel.native().starts_with("..")) return p.string();
  return rel.string();
}

std::string read_file_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    throw core::Error("GW2402", fmt::format("Cannot read {}.", p.string()),
                      "Check the path and its permissions.");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

lint::Input input_for(const fs::path& file, std::string migration) {
  return {lint_display(file), std::move(migration), read_file_text(file)};
}

// Every migration.sql of a migrations folder, in Prisma's order; read on the linting threads,
// which also drop the folders that have none (skip_if_absent).
void add_folder(const fs::path& dir, std::vector<lint::Input>& out) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) names.push_back(it->path().filename().string());
  }
  if (ec) {
    throw core::Error("GW2402", fmt::format("Cannot list {}: {}.", dir.string(), ec.message()),
                      "Check the path and its permissions.");
  }
  std::sort(names.begin(), names.end(), migrate::migration_name_less);
  for (auto& name : names) {
    fs::path file = dir / name / "migration.sql";
    lint::Input in{lint_display(file), std::move(name), {}};
    in.read_from = std::move(file);
    in.skip_if_absent = true;
    out.push_back(std::move(in));
  }
}

// A path given on the command line: a .sql file, a migration folder (its migration.sql), or
// a migrations folder (every migration in it).
void add_path(const fs::path& p, std::vector<lint::Input>& out) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    std::string migration =
        p.filename() == "migration.sql" ? p.parent_path().filename().string() : "";
    out.push_back(input_for(p, migration));
  } else if (fs::is_directory(p, ec)) {
    if (fs::is_regular_file(p / "migration.sql", ec)) {
      out.push_back(input_for(p / "migration.sql", p.filename().string()));
    } else {
      add_folder(p, out);
    }
  } else {
    throw core::Error("GW2402", fmt::format("{} does not exist.", p.string()),
                      "Name migration.sql files, migration folders or a migrations folder.");
  }
}

// The provider in the nearest migration_lock.toml at or above `p` (three levels up at most).
std::string lock_file_provider(fs::path p) {
  std::error_code ec;
  p = fs::absolute(p, ec);
  for (int i = 0; i < 4 && !p.empty(); ++i, p = p.parent_path()) {
    auto lock = p / "migration_lock.toml";
    if (fs::is_regular_file(lock, ec)) {
      auto provider = migrate::read_lock_provider(read_file_text(lock));
      if (dialect::find_parts(provider) != nullptr) return provider;
    }
    if (p == p.parent_path()) break;
  }
  return "";
}

std::optional<Loaded> try_load(const CommonOptions& o) {
  try {
    return load(o);
  } catch (const core::Error&) {
    return std::nullopt;
  }
}

const lint::Linter& linter_for(const std::string& provider) {
  const auto* parts = dialect::find_parts(provider);
  if (parts == nullptr || parts->linter == nullptr) {
    throw core::Error("GW2404",
                      fmt::format("godwit has no lint rules for provider `{}`.", provider),
                      "godwit lints `postgresql` and `sqlite` migrations.");
  }
  return *parts->linter;
}

// A JSON string literal. The report is written as a stream rather than built as a
// nlohmann::json document: with every rule on, the corpus gives 12,000 findings (4.8 MB), and
// building the document took as long as linting (bench/lint_vs_squawk.sh).
void json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the current run of characters that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(s.substr(run));
  out += '"';
}

// {"command":"lint","ok","exitCode","files","statements","errors","warnings","notes",
//  "findings":[{"code","severity","file","line","message","statement","lock","blocks",
//  "safeSql","note"}]}
// Written to `os` in 64 KiB pieces: the corpus's report is 3 MB, and building it as one string
// cost a page fault per 4 KiB of it (a quarter of the command's page faults, perf).
void write_report_json(const lint::Report& r, std::ostream& os) {
  std::string out;
  out.reserve(80 << 10);
  out += fmt::format(
      "{{\"command\":\"lint\",\"ok\":{},\"exitCode\":{},\"files\":{},\"statements\":{},"
      "\"errors\":{},\"warnings\":{},\"notes\":{},\"findings\":[",
      r.exit_code() == 0, r.exit_code(), r.files, r.statements, r.count(lint::Severity::kError),
      r.count(lint::Severity::kWarning), r.count(lint::Severity::kInfo));
  bool first = true;
  for (const auto& f : r.findings) {
    out += first ? "\n{" : ",\n{";
    first = false;
    auto field = [&out](std::string_view key, std::string_view value, bool comma = true) {
      json_string(out, key);
      out += ':';
      json_string(out, value);
      if (comma) out += ',';
    };
    field("code", f.code);
    field("severity", lint::severity_name(f.severity));
    field("file", f.file);
    out += fmt::format("\"line\":{},", f.line);
    field("message", f.message);
    field("statement", f.statement);
    field("lock", f.lock);
    field("blocks", f.blocks);
    field("safeSql", f.safe_sql);
    field("note", f.note, false);
    out += '}';
    if (out.size() >= (64 << 10)) {
      os.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  out += "\n]}\n";
  os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

int run_lint(const LintOptions& o) {
  std::vector<lint::Input> inputs;
  lint::RunOptions run;
  // The whole godwit.toml is read, so a misspelt key elsewhere in it is reported here too.
  run.config = project::read_godwit_toml(fs::current_path()).lint;
  for (const auto& i : o.include)
    run.config.included.insert(i);
  std::string provider = o.provider;

  if (!o.paths.empty()) {
    for (const auto& p : o.paths)
      add_path(p, inputs);
    if (provider.empty()) provider = lock_file_provider(o.paths.front());
    if (provider.empty()) {
      if (auto l = try_load(o.common)) provider = l->project.datasource.provider;
    }
    if (provider.empty()) {
      throw core::Error("GW2404",
                        "Cannot tell which database these migrations are for: no "
                        "migration_lock.toml beside them and no Prisma schema.",
                        "Pass --provider postgresql or --provider sqlite.");
    }
  } else if (o.all) {
    auto l = load(o.common);
    if (provider.empty()) provider = l.project.datasource.provider;
    add_folder(l.project.migrations_dir, inputs);
  } else {
    // The pending migrations: what `migrate status` reports as not yet applied.
    Loaded l = [&] {
      try {
        return load(o.common);
      } catch (const core::Error& e) {
        throw core::Error("GW2401",
                          fmt::format("godwit migrate lint checks the pending migrations, which "
                                      "needs the project and its database:\n{}",
                                      e.message()),
                          "Lint every migration with `godwit migrate lint --all`, or name "
                          "files: `godwit migrate lint prisma/migrations/<name>`.");
      }
    }();
    if (provider.empty()) provider = l.project.datasource.provider;
    migrate::StatusReport status;
    try {
      auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
      status = migrate::status(session, o.common.run_options());
    } catch (const core::Error& e) {
      throw core::Error(
          "GW2401",
          fmt::format("godwit migrate lint checks the pending migrations, which needs the "
                      "database {}, and it cannot be read:\n{}: {}",
                      l.dialect->describe(l.project.target), e.code(), e.message()),
          fmt::format("Lint every migration in {} with `godwit migrate lint --all`, or name "
                      "files: `godwit migrate lint <path>`.",
                      display_path(l.project.migrations_dir)));
    }
    auto folder = migrate::read_migrations_dir(l.project.migrations_dir);
    for (const auto& m : folder.migrations) {
      bool pending =
          std::find(status.pending.begin(), status.pending.end(), m.name) != status.pending.end();
      if (!pending) {
        run.applied.push_back(m.name);
      } else if (m.script) {
        inputs.push_back({lint_display(m.script_path()), m.name, *m.script});
      }
    }
    for (const auto& name : status.missing_locally)
      run.applied.push_back(name);
    run.pending_run = true;  // as deploy will apply them: a table an earlier one creates is new
  }

  const lint::Report report = lint::run(linter_for(provider), inputs, run);
  if (o.common.json) {
    write_report_json(report, std::cout);
  } else if (inputs.empty()) {
    std::cout << (o.paths.empty() && !o.all ? "No pending migrations to lint.\n"
                                            : "No migrations to lint.\n");
  } else {
    std::cout << lint::render_text(report);
  }
  return report.exit_code();
}

}  // namespace

void add_migrate_lint_command(CLI::App& migrate, Action& action) {
  auto o = std::make_shared<LintOptions>();
  auto* cmd = migrate.add_subcommand(
      "lint",
      "Check migrations for operations that lock tables, rewrite them, lose data or break "
      "running clients, and print the safe alternative as SQL (docs/lint.md). Default: the "
      "pending migrations (needs the database); --all: every migration in the folder; or the "
      "given files and folders. Exit 0 when no finding is an error (warnings and notes "
      "included), 1 when at least one is, or when the lint could not run. Silence a finding "
      "with `-- godwit:ignore CODE reason` above its statement; per project in godwit.toml's "
      "[lint] table.");
  add_common_options(*cmd, o->common, /*with_lock=*/false, /*with_json=*/true);
  cmd->add_option("paths", o->paths,
                  "migration.sql files, migration folders or migrations folders to lint")
      ->type_name("PATH");
  cmd->add_flag("--all", o->all, "Lint every migration in the migrations folder");
  cmd->add_option("--include", o->include,
                  "Also report an opt-in rule: a code, `design` (group E) or `all`; repeatable")
      ->type_name("CODE");
  cmd->add_option("--provider", o->provider,
                  "postgresql or sqlite, for paths without a migration_lock.toml beside them")
      ->type_name("NAME");
  cmd->callback([o, &action] { action = [o] { return run_lint(*o); }; });
}

}  // namespace godwit::cli
