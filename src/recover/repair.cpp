#include "recover/repair.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dev/new_migration.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "down/replay.hpp"
#include "migrate/checksum.hpp"
#include "migrate/history.hpp"
#include "plan/make_plan.hpp"
#include "recover/recorded_migration.hpp"
#include "recover/repair_original.hpp"
#include "recover/repair_tokens.hpp"

namespace godwit::recover {
namespace {

using Kind = RepairChange::Kind;

// Prisma's text for a migration without statements (`migrate dev --create-only`).
constexpr std::string_view kEmptyMigration = "-- This is an empty migration.";

// A refusal, collected so that every problem is reported at once; the first one's code is the
// error's.
struct RepairRefusal {
  std::string code;
  std::string text;
  std::string hint;
};

// The rows of one migration name, in started_at order (the history's order).
struct RepairNamed {
  std::vector<const migrate::HistoryRow*> rows;
  bool any_failed() const {
    return std::any_of(rows.begin(), rows.end(), [](const auto* r) { return r->failed(); });
  }
  bool any_applied() const {
    return std::any_of(rows.begin(), rows.end(), [](const auto* r) { return r->applied(); });
  }
};

// An applied migration whose file no longer matches its row.
struct RepairEdit {
  const migrate::LocalMigration* local = nullptr;
  std::vector<std::string> ids;  // the rows whose checksum differs from the file's
  bool cosmetic = false;         // only white space and comments differ from the original
  std::string detail;            // why it is not cosmetic
};

std::string repair_indent(const std::string& sql) {
  std::string out = "    ";
  for (char c : sql) {
    out += c;
    if (c == '\n') out += "    ";
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n'))
    out.pop_back();
  return out;
}

std::string repair_edit_detail(const migrate::Dialect& dialect, const std::string& original,
                               const std::string& edited) {
  const auto d = first_token_difference(dialect, original, edited);
  if (!d) return {};
  if (d->original.empty()) {
    return fmt::format("statement {} was added:\n{}", d->statement, repair_indent(d->edited));
  }
  if (d->edited.empty()) {
    return fmt::format("statement {} was removed:\n{}", d->statement, repair_indent(d->original));
  }
  return fmt::format("statement {} was\n{}\n  and is now\n{}", d->statement,
                     repair_indent(d->original), repair_indent(d->edited));
}

// Writes the migration again and records its new checksum on its rows; the folder is removed
// again when recording fails, so the next run starts from the same state.
void repair_write_folder(migrate::HistoryStore& history, const std::filesystem::path& dir,
                         std::string_view provider, const RepairChange& c) {
  dev::write_new_migration(dir, c.migration, c.sql, provider);
  try {
    for (const auto& id : c.ids)
      history.set_checksum(id, c.checksum);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove_all(dir / c.migration, ec);
    throw;
  }
}

}  // namespace

RepairReport repair(migrate::Session& session, const dialect::Parts& parts,
                    const schema::InspectOptions& inspect, const migrate::RunOptions& run,
                    const RepairOptions& options, const RepairProgress& progress) {
  std::unique_ptr<migrate::RunLock> lock;
  if (!options.dry_run && migrate::run_lock_enabled()) {
    lock = session.dialect.lock(*session.conn, run.lock_timeout);
  }
  const auto& dir = session.project.migrations_dir;
  const auto& local = session.migrations().migrations;
  migrate::HistoryStore history(*session.conn, session.dialect.history(), run.clock);
  const auto rows = history.list_if_exists().value_or(std::vector<migrate::HistoryRow>{});

  std::map<std::string, RepairNamed> named;
  std::vector<std::string> names;  // in history order
  for (const auto& row : rows) {
    auto& n = named[row.migration_name];
    if (n.rows.empty()) names.push_back(row.migration_name);
    n.rows.push_back(&row);
  }
  std::unordered_map<std::string, const migrate::LocalMigration*> local_by_name;
  for (const auto& m : local)
    local_by_name.emplace(m.name, &m);

  std::vector<RepairRefusal> refusals;
  std::vector<RepairChange> rolled_back, realigned, accepted, recreated;
  std::vector<std::string> failed, missing;
  std::vector<RepairEdit> edits;
  for (const auto& name : names) {
    const RepairNamed& n = named.at(name);
    if (n.any_failed()) {
      failed.push_back(name);
      continue;
    }
    const auto it = local_by_name.find(name);
    if (it == local_by_name.end()) {
      // Rows that are all rolled back describe no change to the database: left alone.
      if (n.any_applied()) missing.push_back(name);
      continue;
    }
    const migrate::LocalMigration& m = *it->second;
    if (!m.script) {
      if (n.any_applied()) {
        refusals.push_back(
            {"GW2852",
             fmt::format("`{}` is applied, but its folder has no readable migration.sql ({}).",
                         name, m.read_error),
             fmt::format("Restore {} (e.g. `git checkout -- {}`), or move the empty folder away "
                         "and run `godwit migrate repair` again to have it written from the "
                         "database.",
                         m.script_file, m.script_file)});
      }
      continue;
    }
    std::vector<const migrate::HistoryRow*> stale;
    for (const auto* r : n.rows)
      if (!migrate::checksum_matches(r->checksum, *m.script, m.checksum)) stale.push_back(r);
    if (stale.empty()) continue;
    const auto applied_stale =
        std::find_if(stale.begin(), stale.end(), [](const auto* r) { return r->applied(); });
    if (applied_stale == stale.end()) {
      // Only rolled-back attempts carry an old checksum (the migration was fixed and deployed
      // again, or is about to be): Prisma compares the first row of a name and would call the
      // migration edited.
      RepairChange c;
      c.kind = Kind::kChecksumRealigned;
      c.migration = name;
      c.reason =
          "rows of rolled-back attempts still carry the checksum of an earlier "
          "migration.sql; they describe no change to the database";
      for (const auto* r : stale)
        c.ids.push_back(r->id);
      c.checksum = m.checksum;
      realigned.push_back(std::move(c));
      continue;
    }
    RepairEdit e;
    e.local = &m;
    for (const auto* r : stale)
      e.ids.push_back(r->id);
    if (auto original = original_from_git(dir / name, (*applied_stale)->checksum)) {
      e.detail = repair_edit_detail(*parts.runner, *original, *m.script);
      e.cosmetic = e.detail.empty();
    } else {
      e.detail = "its text as applied was not found in git (no version of " + m.script_file +
                 " in the repository's history has the recorded checksum), so the edit "
                 "cannot be shown to be only white space or comments";
    }
    edits.push_back(std::move(e));
  }

  std::set<std::string> accept(options.accept_edits.begin(), options.accept_edits.end());
  for (const auto& name : accept) {
    const bool edited = std::any_of(edits.begin(), edits.end(),
                                    [&](const RepairEdit& e) { return e.local->name == name; });
    if (!edited) {
      throw core::Error(
          "GW2853",
          fmt::format("--accept-edits names `{}`, which is not an applied migration whose "
                      "migration.sql differs from the checksum recorded in _prisma_migrations.",
                      name),
          "`godwit migrate status` lists the edited migrations; pass their folder names "
          "exactly. Nothing was changed.");
    }
  }
  for (const auto& e : edits) {
    RepairChange c;
    c.migration = e.local->name;
    c.ids = e.ids;
    c.checksum = e.local->checksum;
    if (e.cosmetic) {
      c.kind = Kind::kChecksumRealigned;
      c.reason =
          "migration.sql was edited only in white space or comments (compared statement "
          "by statement, token by token, with the version in git that was applied)";
      realigned.push_back(std::move(c));
    } else if (accept.contains(e.local->name)) {
      c.kind = Kind::kEditAccepted;
      c.reason = "accepted with --accept-edits: " + e.detail;
      accepted.push_back(std::move(c));
    } else {
      refusals.push_back(
          {"GW2851",
           fmt::format("`{}` was edited after it was applied, not only in white space or "
                       "comments: {}.",
                       e.local->name, e.detail),
           fmt::format("If the database should keep what was applied, restore the file from "
                       "version control (e.g. `git log -p -- {}`). If the edit is intended, run "
                       "`godwit migrate repair --accept-edits {}`: it shows how the schema the "
                       "edited history makes differs from the database, then records the new "
                       "checksum.",
                       e.local->script_file, e.local->name)});
    }
  }

  // The replayed history: the folder's migrations that are applied, in folder order.
  std::vector<const migrate::LocalMigration*> replayed;
  for (const auto& m : local) {
    const auto n = named.find(m.name);
    if (n != named.end() && n->second.any_applied() && !n->second.any_failed() && m.script) {
      replayed.push_back(&m);
    }
  }
  bool recreate = false;
  if (missing.size() > 1) {
    std::string list;
    for (const auto& name : missing)
      list += "\n  " + name;
    refusals.push_back(
        {"GW2852",
         "These applied migrations are missing from " + dir.string() + ":" + list +
             "\nTheir effects on the database cannot be told apart, so they cannot be written "
             "again one by one.",
         "Restore their folders from version control (e.g. `git log --all --stat -- " +
             dir.string() + "` shows where they were deleted, `git checkout <commit>^ -- " +
             dir.string() + "/<name>` brings one back)."});
  } else if (missing.size() == 1) {
    const std::string& name = missing.front();
    const bool last = std::all_of(replayed.begin(), replayed.end(), [&](const auto* m) {
      return migrate::migration_name_less(m->name, name);
    });
    if (!last || !failed.empty()) {
      refusals.push_back(
          {"GW2852",
           fmt::format("`{}` is applied but missing from {}, and its effect cannot be isolated: "
                       "{}.",
                       name, dir.string(),
                       !last ? "migrations applied after it are still in the folder, so the "
                               "database holds their changes on top of its own"
                             : "a failed migration may have left changes in the database too"),
           fmt::format("Restore the folder from version control (e.g. `git log --all --stat -- "
                       "{0}` shows the commit that deleted it, `git checkout <commit>^ -- "
                       "{0}/{1}` brings it back){2}.",
                       dir.string(), name,
                       failed.empty() ? "" : ", or repair the failed migration first")});
    } else {
      recreate = true;
    }
  }

  const bool needs_shadow = !failed.empty() || !accepted.empty() || recreate;
  if (needs_shadow) {
    auto live = parts.inspector->inspect(*session.conn, inspect);
    dialect::default_to_only_namespace(live.catalog, inspect);
    migrate::SessionCancelPause pause(session);
    db::InterruptibleSection section;
    down::ShadowReplay shadow(parts, session.project, inspect);
    for (const auto* m : replayed)
      shadow.apply(*m);
    const schema::Catalog after = shadow.read();
    const auto difference = diff::diff(after, live.catalog, *parts.diff_policy);
    const std::string forward =
        difference.empty()
            ? std::string()
            : plan::make_plan(difference, after, live.catalog, *parts.renderer).script();
    for (const auto& name : failed) {
      if (difference.empty()) {
        RepairChange c;
        c.kind = Kind::kRolledBack;
        c.migration = name;
        c.reason =
            "the database is exactly what the migrations applied before it make: none "
            "of its statements left anything behind";
        for (const auto* r : named.at(name).rows)
          if (r->failed()) c.ids.push_back(r->id);
        rolled_back.push_back(std::move(c));
        continue;
      }
      const auto back = diff::diff(live.catalog, after, *parts.diff_policy);
      const std::string reverse =
          plan::make_plan(back, live.catalog, after, *parts.renderer).script();
      refusals.push_back(
          {"GW2850",
           fmt::format("`{}` failed, and the database is not what the migrations applied before "
                       "it make: its statements (or changes made by hand) left this behind, as "
                       "SQL that makes it:\n\n{}\n\nSQL that removes it again:\n\n{}",
                       name, repair_indent(forward), repair_indent(reverse)),
           fmt::format("Either drop what it left by hand (the second script; check it first), "
                       "then run `godwit migrate repair` again and `godwit migrate deploy` to run "
                       "it again; or, if the whole migration did run, record it with `godwit "
                       "migrate resolve --applied \"{}\"`.",
                       name)});
    }
    for (auto& c : accepted)
      c.sql = forward;
    if (recreate) {
      const std::string& name = missing.front();
      std::string text = difference.empty() ? std::string(kEmptyMigration)
                                            : database_diff_script(parts, after, live.catalog).text;
      std::string problem;
      if (auto failure = shadow.try_apply(text)) {
        problem = fmt::format("it fails on the shadow database: {} (code {})", failure->db_message,
                              failure->db_code);
      } else {
        const auto replayed_with = shadow.read();
        const auto left = diff::diff(replayed_with, live.catalog, *parts.diff_policy);
        if (!left.empty()) {
          problem =
              "the history with it still differs from the database by:\n\n" +
              repair_indent(
                  plan::make_plan(left, replayed_with, live.catalog, *parts.renderer).script());
        }
      }
      if (!problem.empty()) {
        refusals.push_back(
            {"GW2854",
             fmt::format("`{}` is applied but missing from {}; the migration written from the "
                         "database does not reproduce it: {}",
                         name, dir.string(), problem),
             "Restore the folder from version control; nothing was written."});
      } else {
        RepairChange c;
        c.kind = Kind::kFolderRecreated;
        c.migration = name;
        c.reason =
            "it is applied but its folder is missing; written from the database (what "
            "the database has beyond the migrations before it), checked to replay to "
            "the database on a shadow database";
        for (const auto* r : named.at(name).rows)
          c.ids.push_back(r->id);
        c.checksum = migrate::checksum_of(text);
        c.sql = std::move(text);
        recreated.push_back(std::move(c));
      }
    }
  }

  if (!refusals.empty()) {
    std::string text, hint;
    for (const auto& r : refusals) {
      if (!text.empty()) text += "\n\n";
      text += (refusals.size() > 1 ? "[" + r.code + "] " : "") + r.text;
      if (!hint.empty()) hint += "\n";
      hint += r.hint;
    }
    throw core::Error(refusals.front().code, text, hint + "\nNothing was changed.");
  }

  RepairReport report;
  for (auto* group : {&rolled_back, &realigned, &accepted, &recreated})
    for (auto& c : *group)
      report.changes.push_back(std::move(c));
  for (const auto& c : report.changes) {
    if (progress) progress(c);
    if (options.dry_run) continue;
    switch (c.kind) {
      case Kind::kRolledBack:
        history.mark_failed_rows_rolled_back(c.migration);
        break;
      case Kind::kChecksumRealigned:
      case Kind::kEditAccepted:
        for (const auto& id : c.ids)
          history.set_checksum(id, c.checksum);
        break;
      case Kind::kFolderRecreated:
        repair_write_folder(history, dir, parts.provider, c);
        break;
    }
  }
  return report;
}

}  // namespace godwit::recover
