#include "recover/squash.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <unordered_set>

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "db/interrupt.hpp"
#include "dev/migration_name.hpp"
#include "dev/new_migration.hpp"
#include "dialect/registry.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "diff/summary.hpp"
#include "down/replay.hpp"
#include "migrate/checksum.hpp"
#include "migrate/history.hpp"
#include "plan/checks.hpp"
#include "plan/make_plan.hpp"
#include "recover/squash_statements.hpp"

namespace godwit::recover {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSquashUnchanged = " Nothing was changed.";

std::string squash_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += "\n  " + n;
  return out;
}

std::string squash_statement_list(const std::vector<SquashStatement>& list) {
  std::string out;
  for (const auto& s : list)
    out += fmt::format("\n  {} line {}: {}", s.migration, s.line, s.kind);
  return out;
}

// Indexes of A and B in the folder.
std::pair<std::size_t, std::size_t> squash_range(const std::vector<migrate::LocalMigration>& ms,
                                                 const SquashOptions& o) {
  auto index_of = [&](const std::string& name, std::string_view flag) {
    for (std::size_t i = 0; i < ms.size(); ++i)
      if (ms[i].name == name) return i;
    throw core::Error(
        "GW2870", fmt::format("{} `{}` is not a migration of the migrations folder.", flag, name),
        "Give folder names, e.g. 20240101000000_init; `godwit migrate status` "
        "lists them." +
            std::string(kSquashUnchanged));
  };
  const std::size_t first = index_of(o.from, "--from");
  const std::size_t last = index_of(o.to, "--to");
  if (first > last) {
    throw core::Error(
        "GW2870",
        fmt::format("--from `{}` comes after --to `{}` in the migrations folder.", o.from, o.to),
        "--from names the first migration to squash and --to the last one, in "
        "folder order." +
            std::string(kSquashUnchanged));
  }
  for (const auto& m : ms) {
    if (!m.script) {
      throw core::Error(
          "P3015",
          fmt::format("Could not find the migration file at {}. Please delete the directory or "
                      "restore the migration file.",
                      m.script_path().string()),
          m.read_error);
    }
  }
  return {first, last};
}

// A's timestamp prefix and the slug: the folder sorts where A..B sat, so that the folder's order
// (which Prisma and godwit replay and deploy in) stays the history's order.
std::string squash_folder(const std::vector<migrate::LocalMigration>& ms, std::size_t first,
                          std::size_t last, const std::string& name) {
  const std::string slug = dev::slugify_migration_name(name);
  if (slug.empty()) {
    throw core::Error(
        "GW2871", fmt::format("--name `{}` has no letter or digit to make a folder name of.", name),
        "Give a name such as --name squashed_2023." + std::string(kSquashUnchanged));
  }
  const std::string& a = ms[first].name;
  const std::string prefix = a.substr(0, a.find('_'));
  const std::string folder = prefix + "_" + slug;
  const bool after_prev = first == 0 || migrate::migration_name_less(ms[first - 1].name, folder);
  const bool before_next =
      last + 1 == ms.size() || migrate::migration_name_less(folder, ms[last + 1].name);
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if ((i < first || i > last) && ms[i].name == folder) {
      throw core::Error("GW2871",
                        fmt::format("The squashed migration's folder `{}` exists already.", folder),
                        "Choose another --name." + std::string(kSquashUnchanged));
    }
  }
  if (!after_prev || !before_next) {
    throw core::Error(
        "GW2871",
        fmt::format("The squashed migration's folder `{}` would not sort where {}..{} sit in the "
                    "migrations folder (between `{}` and `{}`): Prisma and godwit apply "
                    "migrations in folder order.",
                    folder, ms[first].name, ms[last].name,
                    first == 0 ? std::string("the start") : ms[first - 1].name,
                    last + 1 == ms.size() ? std::string("the end") : ms[last + 1].name),
        "Choose a --name that sorts there after the timestamp prefix `" + prefix + "_`." +
            std::string(kSquashUnchanged));
  }
  return folder;
}

// What the database's history says about A..B; refuses what a squash cannot keep true.
SquashHistory squash_history(const std::optional<std::vector<migrate::HistoryRow>>& rows,
                             const std::vector<migrate::LocalMigration>& ms, std::size_t first,
                             std::size_t last) {
  if (!rows) return SquashHistory::kNoHistory;
  std::vector<std::string> applied, not_applied, failed, edited;
  for (std::size_t i = first; i <= last; ++i) {
    const auto& m = ms[i];
    const migrate::HistoryRow* done = nullptr;
    bool any_failed = false;
    for (const auto& r : *rows) {
      if (r.migration_name != m.name) continue;
      if (r.applied()) done = &r;
      if (r.failed()) any_failed = true;
    }
    if (any_failed) failed.push_back(m.name);
    if (done) {
      applied.push_back(m.name);
      if (!migrate::checksum_matches(done->checksum, *m.script, m.checksum))
        edited.push_back(m.name);
    } else {
      not_applied.push_back(m.name);
    }
  }
  if (!failed.empty() || !edited.empty()) {
    std::string what;
    if (!failed.empty()) what += "\nFailed and not resolved:" + squash_names(failed);
    if (!edited.empty()) {
      what +=
          "\nEdited after they were applied (migration.sql no longer matches the checksum in "
          "_prisma_migrations):" +
          squash_names(edited);
    }
    throw core::Error(
        "GW2874",
        "The database's history of the migrations to squash cannot be trusted:" + what +
            "\nThe squashed migration would be recorded as what these migrations did.",
        "Resolve failed migrations first (`godwit migrate resolve --rolled-back | --applied`, "
        "or `godwit migrate repair`), restore edited files as they were applied; then squash "
        "again." +
            std::string(kSquashUnchanged));
  }
  if (applied.empty()) return SquashHistory::kNoneApplied;
  if (not_applied.empty()) return SquashHistory::kAllApplied;
  throw core::Error(
      "GW2873",
      "Only part of the migrations to squash is applied to this database.\nApplied:" +
          squash_names(applied) + "\nNot applied:" + squash_names(not_applied) +
          "\nThe squashed migration is all of them at once: recorded as applied, the database "
          "would lack what the unapplied ones do; left pending, deploy would run again what the "
          "applied ones did.",
      "Apply the rest first (`godwit migrate deploy`), or squash only the applied ones (--to " +
          applied.back() + ") or only the unapplied ones." + std::string(kSquashUnchanged));
}

std::optional<std::vector<migrate::HistoryRow>> squash_rows(migrate::Session& session,
                                                            const migrate::RunOptions& run) {
  migrate::HistoryStore history(*session.conn, session.dialect.history(), run.clock);
  return history.list_if_exists();
}

void squash_apply_one(down::ShadowReplay& shadow, const migrate::LocalMigration& m,
                      std::string_view advice) {
  if (auto failure = shadow.try_apply(*m.script))
    throw dialect::shadow_replay_error(m, *failure, advice);
}

std::string squash_carried_text(const std::vector<SquashStatement>& carried) {
  std::string out;
  std::string from;
  for (const auto& s : carried) {
    if (s.migration != from) {
      out +=
          fmt::format("\n-- Carried verbatim from {} (the differ cannot render it)\n", s.migration);
      from = s.migration;
    }
    out += s.text + ";\n";
  }
  return out;
}

// Only B-tree indexes have a column order in PostgreSQL, but the describer (godwit's, as
// Prisma's) reads ASC for the columns of every index, and the renderer then prints `USING HASH
// ("x" ASC)`, which PostgreSQL refuses (Prisma 7.10.1's `migrate diff --to-migrations` prints
// the same). The squashed migration is rendered without it, as `migrate dev` renders such an
// index from a Prisma schema.
void squash_drop_unordered_sort(schema::Catalog& c) {
  for (const auto& [id, pg] : c.postgres.indexes) {
    if (pg.algorithm == schema::IndexAlgorithm::BTree) continue;
    for (auto& col : c.indexes[id.value].columns)
      if (col.sort == schema::SortOrder::Asc) col.sort.reset();
  }
}

}  // namespace

SquashPlan plan_squash(migrate::Session& session, const dialect::Parts& parts,
                       const schema::InspectOptions& inspect, const migrate::RunOptions& run,
                       const SquashOptions& options) {
  const auto& ms = session.migrations().migrations;
  const auto [first, last] = squash_range(ms, options);
  SquashPlan plan;
  for (std::size_t i = first; i <= last; ++i)
    plan.replaced.push_back(ms[i].name);
  plan.folder = squash_folder(ms, first, last, options.name);
  plan.history = squash_history(squash_rows(session, run), ms, first, last);

  std::vector<const migrate::LocalMigration*> range;
  for (std::size_t i = first; i <= last; ++i)
    range.push_back(&ms[i]);
  auto sorted = sort_squash_statements(parts, range, inspect.extensions);
  plan.carried = std::move(sorted.carried);
  if (!sorted.data.empty()) {
    if (!options.drop_data_statements) {
      throw core::Error(
          "GW2872",
          "The migrations to squash change rows, which the differ's script cannot carry (a diff "
          "holds the schema only, and a row statement depends on the schema at its place in "
          "the history):" +
              squash_statement_list(sorted.data),
          "Squash a range without them, or add --drop-data-statements to leave them out: safe "
          "for databases that have all of these migrations applied (they never run the squashed "
          "one) and for empty databases, where there are no rows to change (seed rows these "
          "statements insert are then not inserted)." +
              std::string(kSquashUnchanged));
    }
    if (plan.history == SquashHistory::kNoneApplied) {
      throw core::Error(
          "GW2876",
          "--drop-data-statements, but this database has none of the migrations to squash "
          "applied: it would run the squashed migration without their row statements:" +
              squash_statement_list(sorted.data),
          "Apply them first (`godwit migrate deploy`), then squash; or squash a range without "
          "row statements." +
              std::string(kSquashUnchanged));
    }
    plan.dropped = std::move(sorted.data);
  }

  migrate::SessionCancelPause pause(session);
  db::InterruptibleSection section;
  constexpr std::string_view kAdvice =
      "The migrations folder must replay cleanly on a shadow database before it can be "
      "squashed: fix the migration. Nothing was changed.";
  // Replay 1: the original folder, read before A, after B and at the end.
  schema::Catalog before, after, original;
  {
    down::ShadowReplay shadow(parts, session.project, inspect);
    if (first == 0) before = shadow.read();
    for (std::size_t i = 0; i < ms.size(); ++i) {
      squash_apply_one(shadow, ms[i], kAdvice);
      if (i + 1 == first) before = shadow.read();
      if (i == last) after = shadow.read();
    }
    original = last + 1 == ms.size() ? after : shadow.read();
  }
  squash_drop_unordered_sort(before);
  squash_drop_unordered_sort(after);
  const auto changes = diff::diff(before, after, *parts.diff_policy);
  auto rendered = plan::make_plan(changes, before, after, *parts.renderer);
  auto pure = plan::check_changes(changes, before, after, nullptr);
  rendered.warnings = std::move(pure.warnings);
  rendered.unexecutable = std::move(pure.unexecutable);
  plan.text = rendered.script() + squash_carried_text(plan.carried);
  plan.checksum = migrate::checksum_of(plan.text);
  plan.summary = diff::summary(changes, before, after);

  // Replay 2: the folder as it will be, the squashed migration in place of A..B.
  migrate::LocalMigration squashed;
  squashed.name = plan.folder;
  squashed.script_file = (session.project.migrations_dir / plan.folder / "migration.sql").string();
  squashed.script = plan.text;
  squashed.checksum = plan.checksum;
  schema::Catalog replayed;
  {
    down::ShadowReplay shadow(parts, session.project, inspect);
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (i < first || i > last) {
        squash_apply_one(shadow, ms[i], kAdvice);
      } else if (i == first) {
        if (auto failure = shadow.try_apply(*squashed.script)) {
          const auto e = dialect::shadow_replay_error(squashed, *failure, "");
          throw core::Error("GW2875",
                            "The squashed migration fails on the shadow database (a statement "
                            "carried verbatim needs the schema of its place in the history):\n" +
                                e.message() + (e.hint().empty() ? "" : "\n" + e.hint()),
                            "Squash a range that ends before or starts after the migration "
                            "that statement comes from." +
                                std::string(kSquashUnchanged));
        }
      }
    }
    replayed = shadow.read();
  }
  const auto left = diff::diff(replayed, original, *parts.diff_policy);
  if (!left.empty()) {
    const auto sql = plan::make_plan(left, replayed, original, *parts.renderer).script();
    throw core::Error(
        "GW2875",
        fmt::format("The folder with the squashed migration `{}` in place of {}..{} replays to "
                    "another schema than the original folder. It differs by\n{}\nThis SQL "
                    "would turn the squashed folder's schema into the original's:\n\n{}",
                    plan.folder, plan.replaced.front(), plan.replaced.back(),
                    diff::summary(left, replayed, original), sql),
        "The squashed script cannot reproduce the history (please report it); squash a "
        "smaller range." +
            std::string(kSquashUnchanged));
  }
  return plan;
}

namespace {

// The old folders moved next to the migrations folder (not into it: every folder there is a
// migration), the new one written; put back as they were unless commit() is called.
class SquashFolderSwap {
 public:
  SquashFolderSwap(const fs::path& dir, const SquashPlan& plan, std::string_view provider)
      : dir_(dir), folder_(plan.folder) {
    stash_ = dir.parent_path() / (".godwit-squash-" + plan.folder);
    std::error_code ec;
    fs::remove_all(stash_, ec);
    fs::create_directories(stash_, ec);
    if (ec) fail("create", stash_, ec);
    for (const auto& name : plan.replaced) {
      fs::rename(dir / name, stash_ / name, ec);
      if (ec) fail("move", dir / name, ec);
      moved_.push_back(name);
    }
    dev::write_new_migration(dir, plan.folder, plan.text, provider);
    written_ = true;
  }
  ~SquashFolderSwap() {
    if (committed_) return;
    std::error_code ec;
    if (written_) fs::remove_all(dir_ / folder_, ec);
    for (const auto& name : moved_)
      fs::rename(stash_ / name, dir_ / name, ec);
    fs::remove_all(stash_, ec);
  }
  SquashFolderSwap(const SquashFolderSwap&) = delete;
  SquashFolderSwap& operator=(const SquashFolderSwap&) = delete;

  void commit() {
    committed_ = true;
    std::error_code ec;
    fs::remove_all(stash_, ec);  // what is left of it is harmless: outside the folder
  }

 private:
  [[noreturn]] void fail(std::string_view what, const fs::path& p, const std::error_code& ec) {
    throw core::Error("GW2878",
                      fmt::format("Could not {} `{}`: {}.", what, p.string(), ec.message()),
                      "Check that the migrations folder and its parent are writable; the "
                      "folders were put back as they were and the database was not changed.");
  }
  fs::path dir_;
  std::string folder_;
  fs::path stash_;
  std::vector<std::string> moved_;
  bool written_ = false;
  bool committed_ = false;
};

}  // namespace

void apply_squash(migrate::Session& session, const dialect::Parts& parts,
                  const migrate::RunOptions& run, const SquashPlan& plan) {
  std::unique_ptr<migrate::RunLock> lock;
  if (plan.history != SquashHistory::kNoHistory && migrate::run_lock_enabled())
    lock = session.dialect.lock(*session.conn, run.lock_timeout);
  const auto& ms = session.migrations().migrations;
  std::size_t first = 0;
  while (first < ms.size() && ms[first].name != plan.replaced.front())
    ++first;
  const std::size_t last = first + plan.replaced.size() - 1;
  const auto rows = squash_rows(session, run);
  const auto now = squash_history(rows, ms, first, last);
  if (now != plan.history) {
    throw core::Error("GW2873",
                      "The database's history of the migrations to squash changed while the "
                      "squash was checked (another process applied or recorded migrations).",
                      "Run the squash again." + std::string(kSquashUnchanged));
  }
  SquashFolderSwap swap(session.project.migrations_dir, plan, parts.provider);
  if (plan.history == SquashHistory::kAllApplied) {
    migrate::HistoryStore history(*session.conn, session.dialect.history(), run.clock);
    auto& conn = *session.conn;
    conn.execute("BEGIN");
    try {
      history.insert_resolved_applied(core::uuid_v4(), plan.folder, plan.checksum);
      std::string names;
      for (const auto& n : plan.replaced)
        names += (names.empty() ? "" : ", ") + conn.quote_literal(n);
      conn.execute(fmt::format("DELETE FROM {} WHERE migration_name IN ({})",
                               migrate::kHistoryTable, names));
      conn.execute("COMMIT");
    } catch (...) {
      try {
        if (conn.in_transaction()) conn.execute("ROLLBACK");
      } catch (...) {
        // The connection is gone: the server rolls the transaction back.
      }
      throw;
    }
  }
  swap.commit();
}

}  // namespace godwit::recover
