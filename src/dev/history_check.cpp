#include "dev/history_check.hpp"

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "db/interrupt.hpp"
#include "dev/shadow_cache.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "migrate/checksum.hpp"
#include "migrate/history.hpp"

namespace godwit::dev {
namespace {

// Prisma's texts (ENG dev_diagnostic_cli.rs).
constexpr std::string_view kDriftDetected =
    "Drift detected: Your database schema is not in sync with your migration history.\n\n"
    "The following is a summary of the differences between the expected database schema given "
    "your migrations files, and the actual schema of the database.\n\n"
    "It should be understood as the set of changes to get from the expected schema to the "
    "actual schema.\n";
constexpr std::string_view kFirstTime =
    "\nIf you are running this the first time on an existing database, please make sure to "
    "read this documentation page:\n"
    "https://www.prisma.io/docs/guides/database/developing-with-prisma-migrate/"
    "troubleshooting-development\n";

// Stops the replay after Ctrl-C/SIGTERM: the statement was cancelled (or none was running), the
// shadow database is dropped while the exception unwinds.
void stop_if_interrupted() {
  if (const int signal = db::interrupt_signal()) {
    throw db::Interrupted(signal,
                          "The shadow database was dropped; nothing was changed in the "
                          "development database or the migrations folder.",
                          "Run `godwit migrate dev` again.");
  }
}

// Replays migrations on the shadow database and reads it back.
class ShadowReplay {
 public:
  ShadowReplay(migrate::Session& session, const dialect::Parts& parts,
               const schema::InspectOptions& options, const std::optional<std::string>& url)
      : pause_(session), parts_(parts), options_(options) {
    shadow_ = dialect::open_shadow(parts_, session.project.target, url, options_.namespaces,
                                   session.project.init_shadow_db);
    cancel_ = std::make_unique<db::CancelOnSignal>(shadow_->connection().canceller());
  }

  void apply(const migrate::LocalMigration& m) {
    const auto script = parts_.runner->split(*m.script);
    auto failure = parts_.runner->apply(shadow_->connection(), script, migrate::HistoryWrites{});
    stop_if_interrupted();
    if (failure) {
      throw dialect::shadow_replay_error(
          m, *failure,
          "Fix the migration; if it is applied already, `godwit migrate resolve` records how you "
          "repaired the database.");
    }
  }

  schema::Catalog read(std::vector<schema::InspectWarning>& warnings) {
    auto inspection = parts_.inspector->inspect(shadow_->connection(), options_);
    stop_if_interrupted();
    dialect::default_to_only_namespace(inspection.catalog, options_);
    warnings.insert(warnings.end(), inspection.warnings.begin(), inspection.warnings.end());
    return std::move(inspection.catalog);
  }

 private:
  // Destroyed in reverse: the shadow's registration, the shadow (a PostgreSQL one is dropped),
  // then the session's registration is back (db/interrupt.hpp: one at a time).
  migrate::SessionCancelPause pause_;
  const dialect::Parts& parts_;
  const schema::InspectOptions& options_;
  std::unique_ptr<migrate::ShadowDatabase> shadow_;
  std::unique_ptr<db::CancelOnSignal> cancel_;
};

// The version of the server the shadow database is made on, for the shadow cache's key: the
// project database's, or shadowDatabaseUrl's (a server of its own, perhaps).
std::string shadow_server_version(migrate::Session& session, const dialect::Parts& parts,
                                  const std::optional<std::string>& url) {
  if (!parts.probe) return {};
  if (!url || url->empty()) return parts.probe->server_version(*session.conn);
  const auto& main = session.project.target;
  auto conn = parts.runner->connect({main.provider, *url, main.base_dir, core::redact_url(*url)},
                                    /*create=*/false);
  return parts.probe->server_version(*conn);
}

// The history as Prisma's diagnose_migration_history_cli.rs reads it.
void compare_history(HistoryCheck& r, const std::vector<migrate::LocalMigration>& local,
                     const std::vector<migrate::HistoryRow>& rows) {
  std::unordered_map<std::string_view, const migrate::HistoryRow*> first_row;
  std::unordered_set<std::string_view> applied_names;
  for (const auto& row : rows) {
    first_row.emplace(row.migration_name, &row);
    if (row.applied()) applied_names.insert(row.migration_name);
    if (row.failed()) r.failed.push_back(row.migration_name);
  }
  std::unordered_set<std::string_view> local_names;
  std::optional<std::size_t> first_pending;
  for (std::size_t i = 0; i < local.size(); ++i) {
    const auto& m = local[i];
    local_names.insert(m.name);
    auto it = first_row.find(m.name);
    if (it == first_row.end()) {
      r.pending.push_back(m.name);
      if (!first_pending) first_pending = i;
      continue;
    }
    if (m.script && !migrate::checksum_matches(it->second->checksum, *m.script, m.checksum)) {
      r.edited.push_back(m.name);
    }
    if (applied_names.contains(m.name)) r.applied.push_back(m.name);
  }
  for (const auto& row : rows) {
    if (!local_names.contains(row.migration_name)) r.missing_locally.push_back(row.migration_name);
  }
  if (first_pending && *first_pending > 0) r.last_common = local[*first_pending - 1].name;
}

}  // namespace

std::optional<std::string> HistoryCheck::reset_reason(const std::string& drift_summary) const {
  std::vector<std::string> reasons;
  for (const auto& name : failed)
    reasons.push_back(fmt::format("The migration `{}` failed.", name));
  for (const auto& name : edited)
    reasons.push_back(fmt::format("The migration `{}` was modified after it was applied.", name));
  if (!drift.empty()) {
    std::string reason(kDriftDetected);
    if (!has_history_table) reason += kFirstTime;
    reasons.push_back(reason + drift_summary);
  }
  std::string joined;
  for (std::size_t i = 0; i < missing_locally.size(); ++i)
    joined += (i ? ", " : "") + missing_locally[i];
  if (diverged()) {
    reasons.push_back(
        "The migrations recorded in the database diverge from the local migrations directory." +
        (last_common ? fmt::format(" Last common migration: `{}`. Migrations applied to the "
                                   "database but absent from the migrations directory are: {}",
                                   *last_common, joined)
                     : std::string()));
  } else if (!missing_locally.empty()) {
    reasons.push_back(
        "The following migration(s) are applied to the database but missing from the local "
        "migrations directory: " +
        joined);
  }
  if (reasons.empty()) return std::nullopt;
  if (reasons.size() == 1) return reasons.front();
  std::string message;
  for (const auto& r : reasons)
    message += "- " + r + "\n";
  return message;
}

HistoryCheck check_history(migrate::Session& session, const dialect::Parts& parts,
                           const schema::InspectOptions& options, const ShadowSettings& settings) {
  HistoryCheck r;
  migrate::HistoryStore store(*session.conn, session.dialect.history(), core::system_now);
  auto rows = store.list_if_exists();
  r.has_history_table = rows.has_value();
  const auto& local = session.migrations().migrations;
  for (const auto& m : local) {
    if (!m.script) {
      throw core::Error("P3015",
                        fmt::format("Could not find the migration file at {}. Please delete the "
                                    "directory or restore the migration file.",
                                    m.script_path().string()),
                        m.read_error);
    }
  }
  compare_history(r, local, rows ? *rows : std::vector<migrate::HistoryRow>{});

  auto live = parts.inspector->inspect(*session.conn, options);
  dialect::default_to_only_namespace(live.catalog, options);
  r.live = std::move(live.catalog);
  r.warnings = std::move(live.warnings);

  const std::unordered_set<std::string_view> applied(r.applied.begin(), r.applied.end());
  // The shadow cache: the same migrations (names and checksums, in order) replayed on the same
  // server by the same godwit give the same catalogs.
  std::optional<ShadowKey> key;
  if (settings.cache_file) {
    key.emplace();
    key->provider = std::string(parts.provider);
    key->server_version = shadow_server_version(session, parts, settings.url);
    if (settings.url) key->shadow_url = core::redact_url(*settings.url);
    key->godwit = settings.godwit;
    key->options =
        options_key(options) + " " + settings.context + " " + session.project.target.display;
    for (const auto& m : local) {
      if (applied.contains(m.name)) key->applied.emplace_back(m.name, m.checksum);
      key->all.emplace_back(m.name, m.checksum);
    }
    std::string warning;
    if (auto hit = load_shadow_cache(*settings.cache_file, *key, &warning)) {
      r.after_applied = std::move(hit->after_applied);
      r.after_all = std::move(hit->after_all);
      r.warnings.insert(r.warnings.end(), hit->warnings.begin(), hit->warnings.end());
      r.shadow_from_cache = true;
      r.drift = diff::diff(r.after_applied, r.live, *parts.diff_policy);
      return r;
    }
    if (!warning.empty()) r.notes.push_back(warning);
  }
  const std::size_t live_warnings = r.warnings.size();

  // One shadow database for both questions: the applied migrations first (drift), then the
  // rest (do they apply, and what do they make), as Prisma's diagnose and validate steps.
  db::InterruptibleSection section;
  std::size_t next = 0;
  bool in_order = true;
  {
    ShadowReplay shadow(session, parts, options, settings.url);
    for (; next < local.size() && next < r.applied.size(); ++next) {
      if (!applied.contains(local[next].name)) break;
      shadow.apply(local[next]);
    }
    // Applied migrations after an unapplied one (a diverged or out-of-order history): Prisma
    // replays exactly the applied ones for the drift check; so does godwit, then replays the
    // whole folder on a second shadow database.
    in_order = next == r.applied.size();
    for (std::size_t i = next; !in_order && i < local.size(); ++i)
      if (applied.contains(local[i].name)) shadow.apply(local[i]);
    r.after_applied = shadow.read(r.warnings);
    if (in_order) {
      for (; next < local.size(); ++next)
        shadow.apply(local[next]);
      r.after_all = shadow.read(r.warnings);
    }
  }
  if (!in_order) {
    ShadowReplay all(session, parts, options, settings.url);
    for (const auto& m : local)
      all.apply(m);
    r.after_all = all.read(r.warnings);
  }
  r.drift = diff::diff(r.after_applied, r.live, *parts.diff_policy);
  if (key) {
    ShadowResult result{r.after_applied,
                        r.after_all,
                        {r.warnings.begin() + std::ptrdiff_t(live_warnings), r.warnings.end()}};
    if (auto error = store_shadow_cache(*settings.cache_file, *key, result); !error.empty())
      r.notes.push_back("the shadow cache could not be stored: " + error);
  }
  return r;
}

}  // namespace godwit::dev
