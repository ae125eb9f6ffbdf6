// Issue 11's proof of the down migrations on the corpus: for every corpus history (all the
// migrations of the small ones, the last 30 of langfuse and of trigger.dev's `database`), on a
// real PostgreSQL 15 / SQLite database, with the real Prisma 7.10.1 (GODWIT_PRISMA_ORACLE):
//
// 1. `migrate down-gen` for the migrations in scope (one shadow replay of the whole history);
//    down-gen's reason for each migration it writes no down for is recorded.
// 2. Walks. `migrate down` cannot go past a migration without a down.sql (GW2824), so the
//    migrations in scope that got a down form runs of neighbours; each run is one walk. The
//    walks go oldest run first on ONE live database: deploy up to the top of the run, then
//    `migrate down --steps K` down to the bottom of the run in one command (it verifies each of
//    the K downs on ONE shadow replay, each against the replay of the migrations before it, and
//    refuses before running any if one fails: then the downs above that one are taken), then
//    `migrate deploy` one migration at a time back up to its top (the folder holds the
//    migrations up to the one being deployed); the next walk's deploy carries the database over
//    the migrations without a down. (One `migrate down` per step would replay the history once
//    per step: trigger.dev's walks took two minutes that way.)
//    Going oldest run first keeps one deploy of the history in all (a walk newest first would
//    need a fresh database deployed up to the top of each run below a migration without a down).
//    At the end the whole history is deployed and both tools say "up to date".
// 3. After every step the live schema must equal the replay of the history to that point: a
//    second database (the reference) is deployed one migration at a time alongside, and both are
//    compared as `godwit migrate diff --from-empty --to-config-datasource --script` prints them
//    (the same introspection and preview features for both), with the column lines of each
//    CREATE TABLE sorted: a down that re-creates a dropped column puts it last, which is the same
//    schema to Prisma's differ (column order is not compared) but not the same text.
// 4. godwit's `migrate status` is checked at the bottom of each walk and at every step up ("N
//    pending" / "up to date"); Prisma's status (1-2 s a call) at the bottom of each walk (all of
//    the walk pending) and at the end.
//
// The report (each migration in scope: verified / no down and down-gen's reason) is printed as
// lines starting with "down-roundtrip\t", and written to
// $GODWIT_DOWN_ROUNDTRIP_REPORT/<history>.tsv when that variable is set:
// scripts/down_roundtrip_report.sh turns them into the table of docs/recovery.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::CorpusHistory;
using interop::Database;
using interop::Project;

// The last this many migrations of the big histories are in scope; all of the small ones.
constexpr std::size_t kBigScope = 30;

std::vector<std::string> rt_folders(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory()) names.insert(e.path().filename().string());
  return {names.begin(), names.end()};
}

// The schema as godwit renders it from empty, CREATE TABLE bodies sorted line by line (without
// their trailing commas), then its statements sorted: equal for two databases whose schemas
// differ at most in the order of columns and of statements.
std::string rt_normalised(const std::string& script) {
  std::istringstream in(script);
  std::string out, line;
  std::vector<std::string> body;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (in_table) {
      if (line == ");") {
        std::sort(body.begin(), body.end());
        for (const auto& b : body)
          out += b + "\n";
        body.clear();
        out += line + "\n";
        in_table = false;
        continue;
      }
      if (!line.empty() && line.back() == ',') line.pop_back();
      if (!line.empty()) body.push_back(line);
      continue;
    }
    out += line + "\n";
    in_table = line.starts_with("CREATE TABLE");
  }
  // The statements sorted too: SQLite lists indexes in creation order, and a down that
  // redefines a table creates its indexes again in Prisma's order.
  std::vector<std::string> blocks;
  for (std::size_t at = 0; at < out.size();) {
    auto end = out.find("\n\n", at);
    if (end == std::string::npos) end = out.size();
    blocks.push_back(out.substr(at, end - at));
    at = end + 2;
  }
  std::sort(blocks.begin(), blocks.end());
  std::string sorted;
  for (const auto& b : blocks)
    sorted += b + "\n\n";
  return sorted;
}

// Prisma 7 refuses a schema that lists a preview feature it no longer knows (trigger.dev's
// "metrics" and "driverAdapters", teable's "tracing"; godwit ignores them): the project's copy
// keeps only the ones Prisma 7.10.1 lists (its P1012 message), so that its status can run.
void rt_keep_known_previews(const fs::path& schema_file) {
  static const std::set<std::string> kKnown = {"fullTextSearchPostgres",
                                               "nativeDistinct",
                                               "partialIndexes",
                                               "postgresqlExtensions",
                                               "relationJoins",
                                               "schemaEngineDriverAdapters",
                                               "shardKeys",
                                               "strictUndefinedChecks",
                                               "typedSql",
                                               "views"};
  std::istringstream in(read_file(schema_file));
  std::string out;
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find("previewFeatures");
    const auto open = line.find('[');
    const auto close = line.find(']');
    if (at != std::string::npos && open != std::string::npos && close != std::string::npos) {
      std::string kept;
      std::istringstream names(line.substr(open + 1, close - open - 1));
      for (std::string name; std::getline(names, name, ',');) {
        const auto q1 = name.find('"');
        const auto q2 = name.rfind('"');
        if (q1 == std::string::npos || q2 <= q1) continue;
        const auto bare = name.substr(q1 + 1, q2 - q1 - 1);
        if (kKnown.contains(bare)) kept += (kept.empty() ? "\"" : ", \"") + bare + "\"";
      }
      line = line.substr(0, open + 1) + kept + line.substr(close);
    }
    out += line + "\n";
  }
  write_file(schema_file, out);
}

// One history's walk: the project (its migrations folder holds the first `top` migrations of
// the history, the others wait in `stash`), the live database and the reference database.
class RoundTrip {
 public:
  RoundTrip(const CorpusHistory& h, const fs::path& history)
      : history_(h),
        project_(history),
        live_(h.provider, "down_rt_live"),
        ref_(h.provider, "down_rt_ref"),
        all_(rt_folders(project_.migrations())) {
    fs::create_directories(stash());
    rt_keep_known_previews(project_.root() / "schema.prisma");
    ref_.query("SELECT 1");  // SQLite: the reference file exists before its first deploy
  }

  const std::vector<std::string>& all() const { return all_; }
  const Project& project() const { return project_; }
  const Database& live() const { return live_; }

  fs::path stash() const { return project_.root() / "stash"; }

  // The folder holds exactly the first `n` migrations.
  void set_top(std::size_t n) {
    for (std::size_t i = 0; i < all_.size(); ++i) {
      const auto in = project_.migrations() / all_[i];
      const auto out = stash() / all_[i];
      if (i < n && fs::exists(out)) fs::rename(out, in);
      if (i >= n && fs::exists(in)) fs::rename(in, out);
    }
  }

  CommandResult godwit(const Database& db, const std::vector<std::string>& args) const {
    return interop::godwit(project_, db, args);
  }

  // The schema of `db`, as compared (see rt_normalised).
  std::string dump(const Database& db) const {
    auto r = godwit(db, {"migrate", "diff", "--from-empty", "--to-config-datasource", "--script"});
    EXPECT_EQ(r.exit_code, 0) << interop::describe(r);
    return rt_normalised(r.out);
  }

  // godwit's status with the folder as it is: `pending` not yet applied (up to date if none).
  void expect_godwit_status(const Database& db, const std::vector<std::string>& pending,
                            const std::string& where) const {
    auto s = godwit(db, {"migrate", "status"});
    expect_status(s, pending, "godwit, " + where);
  }
  void expect_prisma_status(const Database& db, const std::vector<std::string>& pending,
                            const std::string& where) const {
    auto s = interop::prisma(project_, db, {"migrate", "status"});
    expect_status(s, pending, "Prisma, " + where);
  }

  Database& ref() { return ref_; }

 private:
  static void expect_status(const CommandResult& s, const std::vector<std::string>& pending,
                            const std::string& where) {
    if (pending.empty()) {
      EXPECT_EQ(s.exit_code, 0) << where << "\n" << interop::describe(s);
      EXPECT_NE(s.out.find("Database schema is up to date!"), std::string::npos)
          << where << "\n"
          << interop::describe(s);
      return;
    }
    EXPECT_EQ(s.exit_code, 1) << where << "\n" << interop::describe(s);
    std::string names;
    for (const auto& n : pending)
      names += n + "\n";
    EXPECT_NE(s.out.find("have not yet been applied:\n" + names), std::string::npos)
        << where << "\n"
        << interop::describe(s);
  }

  CorpusHistory history_;
  Project project_;
  Database live_;
  Database ref_;
  std::vector<std::string> all_;
};

// down-gen's line for a migration it wrote nothing for: "skipped  NAME: no down.sql: REASON".
std::map<std::string, std::string> rt_skipped(const std::string& out) {
  std::map<std::string, std::string> reasons;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("skipped  ")) continue;
    const auto rest = line.substr(9);
    const auto sep = rest.find(": no down.sql: ");
    if (sep == std::string::npos) continue;
    reasons[rest.substr(0, sep)] = rest.substr(sep + 15);
  }
  return reasons;
}

// godwit's error on stderr, "GW2826: <message>; <its next line>" on one line.
std::string rt_error(const std::string& err) {
  auto at = err.find("Error: ");
  if (at == std::string::npos) return err;
  std::istringstream in(err.substr(at + 7));
  std::vector<std::string> lines;  // the code, the message, the detail (blank lines skipped)
  for (std::string line; lines.size() < 3 && std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  lines.resize(3);
  const std::string &code = lines[0], &message = lines[1], &detail = lines[2];
  std::string text = detail.substr(0, detail.find(". Fix down.sql"));
  // The project's temporary path out: "(line 27 of down.sql)".
  const auto path = text.find(" of /");
  const auto file = text.find("/down.sql", path == std::string::npos ? 0 : path);
  if (path != std::string::npos && file != std::string::npos) {
    text.replace(path + 4, file + 1 - (path + 4), "");
  }
  return code + ": " + message + " " + text;
}

// The migration whose down `migrate down` refused ("The down migration of `NAME` ..."), as its
// index in `all` within [bottom, top).
std::optional<std::size_t> rt_refused(const std::string& err, const std::vector<std::string>& all,
                                      std::size_t bottom, std::size_t top) {
  const std::string marker = "down migration of `";
  const auto at = err.find(marker);
  if (at == std::string::npos) return std::nullopt;
  const auto start = at + marker.size();
  const auto end = err.find('`', start);
  if (end == std::string::npos) return std::nullopt;
  const std::string name = err.substr(start, end - start);
  for (std::size_t k = bottom; k < top; ++k)
    if (all[k] == name) return k;
  return std::nullopt;
}

// Failed assertions of the running test so far (gtest records only failures as parts).
int rt_failures() {
  return ::testing::UnitTest::GetInstance()->current_test_info()->result()->total_part_count();
}

class DownRoundTrip : public ::testing::TestWithParam<CorpusHistory> {
 protected:
  void SetUp() override {
    if (GetParam().provider == "postgresql") GODWIT_REQUIRE_PG();
    GODWIT_REQUIRE_ORACLE();
  }
};

TEST_P(DownRoundTrip, EveryDownInScopeRoundTrips) {
  const auto started = std::chrono::steady_clock::now();
  const CorpusHistory& h = GetParam();
  const fs::path history = corpus_dir() / h.name;
  GODWIT_REQUIRE_LIVE_PART(fs::exists(history / "migrations"), "the corpus: " + history.string());
  RoundTrip rt(h, history);
  const auto& all = rt.all();
  ASSERT_FALSE(all.empty());
  const bool big =
      h.name == "langfuse__langfuse" || h.name == "triggerdotdev__trigger.dev/database";
  const std::size_t first = big && all.size() > kBigScope ? all.size() - kBigScope : 0;

  // 1. down-gen for the migrations in scope: one shadow replay.
  std::vector<std::string> gen_args{"migrate", "down-gen"};
  if (first > 0) gen_args.insert(gen_args.end(), all.begin() + long(first), all.end());
  auto gen = rt.godwit(rt.live(), gen_args);
  ASSERT_EQ(gen.exit_code, 0) << interop::describe(gen);
  const auto skipped = rt_skipped(gen.out);
  std::vector<bool> has_down(all.size(), false);
  for (std::size_t i = first; i < all.size(); ++i) {
    has_down[i] = fs::exists(rt.project().migrations() / all[i] / "down.sql");
    if (!has_down[i]) {
      EXPECT_TRUE(skipped.contains(all[i])) << all[i] << ": no down.sql and no reason\n" << gen.out;
    }
  }

  // What each migration in scope ends as: "verified" or why not.
  std::map<std::string, std::string> outcome;
  // A down whose header carries Prisma's "not possible to execute" warning (a NOT NULL column
  // re-added without a default to a table the history fills with rows) depends on the data: it
  // is left out of the walks, with that warning as the reason.
  for (std::size_t i = first; i < all.size(); ++i) {
    if (!has_down[i]) continue;
    std::istringstream header(read_file(rt.project().migrations() / all[i] / "down.sql"));
    for (std::string line; std::getline(header, line) && line.starts_with("--");) {
      if (line.find("it is not possible to execute this step") != std::string::npos) {
        has_down[i] = false;
        outcome[all[i]] = "down not run (depends on the rows):" + line.substr(line.find(' ', 3));
        break;
      }
    }
  }
  for (std::size_t i = first; i < all.size(); ++i)
    if (!has_down[i] && !outcome.contains(all[i]))
      outcome[all[i]] = "no down: " + skipped.at(all[i]);

  // 2. The walks, oldest run first (see the top of this file).
  std::size_t ref_at = 0;  // migrations deployed on the reference database
  auto ref_to = [&](std::size_t n) {
    if (ref_at == n) return;
    rt.set_top(n);
    auto d = rt.godwit(rt.ref(), {"migrate", "deploy"});
    ASSERT_EQ(d.exit_code, 0) << "reference deploy to " << n << "\n" << interop::describe(d);
    ref_at = n;
  };
  std::size_t walks = 0, downs = 0;
  std::size_t i = first;
  while (i < all.size()) {
    if (!has_down[i]) {
      ++i;
      continue;
    }
    const std::size_t bottom = i;  // the run [bottom, top) has downs
    std::size_t top = i;
    while (top < all.size() && has_down[top])
      ++top;
    i = top;
    ++walks;
    const std::string walk = "walk " + all[bottom] + " .. " + all[top - 1];
    const int failures_before = rt_failures();  // a walk's downs are verified when it adds none

    rt.set_top(top);
    auto deploy = rt.godwit(rt.live(), {"migrate", "deploy"});
    ASSERT_EQ(deploy.exit_code, 0) << walk << "\n" << interop::describe(deploy);

    // Down to the bottom of the walk in one command; where migrate down's own shadow
    // verification refuses a down (GW2826 it fails there, e.g. on rows the history inserted;
    // GW2827 it does not restore the schema), nothing ran: that down is reported, not verified,
    // the migrations below it cannot be walked (down stops there), and the downs above it are
    // taken.
    std::size_t reached = top;  // applied migrations on the live database
    auto down_to = [&](std::size_t n) {
      auto down = rt.godwit(rt.live(), {"migrate", "down", "--steps", std::to_string(reached - n)});
      if (down.exit_code == 0) {
        downs += reached - n;
        reached = n;
      }
      return down;
    };
    if (auto down = down_to(bottom); down.exit_code != 0) {
      const bool verification = down.err.find("GW2826") != std::string::npos ||
                                down.err.find("GW2827") != std::string::npos;
      EXPECT_TRUE(verification) << walk << "\n" << interop::describe(down);
      const auto refused = rt_refused(down.err, all, bottom, top);
      ASSERT_TRUE(refused) << walk << ": the refused down is not named\n"
                           << interop::describe(down);
      outcome[all[*refused]] = "down refused by migrate down's verification: " + rt_error(down.err);
      for (std::size_t k = bottom; k < *refused; ++k)
        outcome[all[k]] = "not walked: below the refused down of " + all[*refused];
      if (*refused + 1 < top) {
        auto above = down_to(*refused + 1);
        EXPECT_EQ(above.exit_code, 0) << walk << ": the downs above " << all[*refused] << "\n"
                                      << interop::describe(above);
      }
    }
    std::optional<std::string> after_down;  // the schema at the bottom the downs reached
    if (reached < top) {
      after_down = rt.dump(rt.live());
      rt.expect_godwit_status(rt.live(), {all.begin() + long(reached), all.begin() + long(top)},
                              walk + ", after the downs");
    }
    // Prisma's status at the bottom of the walk: the whole walk pending.
    rt.expect_prisma_status(rt.live(), {all.begin() + long(reached), all.begin() + long(top)},
                            walk + ", at its bottom");

    // Back up, one migration at a time, next to the reference.
    ref_to(reached);
    if (HasFatalFailure()) return;
    if (after_down) {
      EXPECT_EQ(*after_down, rt.dump(rt.ref()))
          << walk << ": the schema after the down of " << all[reached]
          << " is not the replay of the migrations before it";
    }
    for (std::size_t n = reached + 1; n <= top; ++n) {
      rt.set_top(n);
      auto up = rt.godwit(rt.live(), {"migrate", "deploy"});
      ASSERT_EQ(up.exit_code, 0) << walk << ", deploy of " << all[n - 1] << "\n"
                                 << interop::describe(up);
      rt.expect_godwit_status(rt.live(), {}, walk + ", after the deploy of " + all[n - 1]);
      ref_to(n);
      if (HasFatalFailure()) return;
      const auto ref = rt.dump(rt.ref());
      EXPECT_EQ(rt.dump(rt.live()), ref)
          << walk << ": the schema after deploying " << all[n - 1] << " again is not the replay";
      if (!outcome.contains(all[n - 1]) && rt_failures() == failures_before) {
        outcome[all[n - 1]] = "verified";
      }
    }
  }

  // The whole history again; both tools agree that it is up to date.
  rt.set_top(all.size());
  auto rest = rt.godwit(rt.live(), {"migrate", "deploy"});
  ASSERT_EQ(rest.exit_code, 0) << interop::describe(rest);
  rt.expect_godwit_status(rt.live(), {}, "the whole history deployed");
  rt.expect_prisma_status(rt.live(), {}, "the whole history deployed");

  // The report.
  std::size_t verified = 0;
  std::ostringstream tsv;
  for (std::size_t k = first; k < all.size(); ++k) {
    const auto it = outcome.find(all[k]);
    const std::string what = it == outcome.end() ? "not verified: a check failed" : it->second;
    verified += what == "verified";
    tsv << "down-roundtrip\t" << h.name << "\t" << h.provider << "\t" << all[k] << "\t" << what
        << "\n";
  }
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count();
  std::cout << tsv.str() << "down-roundtrip-summary\t" << h.name << "\t" << (all.size() - first)
            << " in scope, " << verified << " verified, " << walks << " walks, " << downs
            << " downs, " << seconds << " s\n";
  if (const char* dir = std::getenv("GODWIT_DOWN_ROUNDTRIP_REPORT"); dir && *dir) {
    std::string file = h.name;
    std::replace(file.begin(), file.end(), '/', '+');
    std::ofstream(fs::path(dir) / (file + ".tsv")) << tsv.str();
  }
  EXPECT_GT(verified, 0u) << "no down of " << h.name << " was verified\n" << gen.out;
}

INSTANTIATE_TEST_SUITE_P(Corpus, DownRoundTrip, ::testing::ValuesIn(interop::corpus_histories()),
                         interop::corpus_test_name);

}  // namespace
}  // namespace godwit::test
