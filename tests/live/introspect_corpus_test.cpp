// Introspection of every corpus history (../shared/corpus), deployed by godwit on a fresh
// database (PostgreSQL histories on the test server, SQLite ones on a fresh file):
// - ScriptEqualsPrisma: `godwit migrate diff --from-empty --to-url <db> --script` equals
//   tests/golden/introspect/corpus/<history>.sql byte for byte: what the real Prisma 7.10.1
//   prints with `migrate diff --from-empty --to-config-datasource --script` for the same history
//   deployed by `prisma migrate deploy` (make_expected.sh). Histories godwit does not match yet
//   are listed in kKnownScriptDeviations with the reason.
// - RoundTrip: the introspected catalog against the catalog the Prisma schema builder makes from
//   the history's schema.prisma. Both dumps are normalised (see normalise()) for what the two
//   sides say differently on purpose; what remains is compared with
//   tests/golden/introspect/roundtrip/<history>.txt (godwit's expectation, GODWIT_UPDATE_EXPECT=1
//   rewrites it), whose every line is explained in roundtrip/README.md: the histories' known
//   drift (prisma-golden/drift.sql: hoppscotch, umami, trigger.dev) and what introspection
//   reads that a schema does not say.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "dialect/registry.hpp"
#include "live/interop/interop_support.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/validate.hpp"
#include "schema/dump.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;
using interop::Project;

using History = interop::CorpusHistory;

std::string file_stem(const std::string& history) {
  std::string out;
  for (char c : history) {
    if (c == '/') {
      out += "__";
    } else {
      out += c;
    }
  }
  return out;
}

fs::path golden_dir() {
  return source_dir() / "tests" / "golden" / "introspect";
}

// The dump with what both sides say differently on purpose taken out, in an order-free form:
// - objects (a top-level line with its indented lines) sorted, and the lines inside each
//   sorted: a table's columns come in migration order in the database and in field order in the
//   schema; tables, indexes and foreign keys by name in the database;
// - ` ASC` in index columns: the database always has a sort order, the schema only a declared
//   one (both mean ASC);
// - `default=prisma-level`: uuid()/cuid()/... are filled by the client, the database has none;
// - `extension` lines: extensions are read only with the postgresqlExtensions preview feature;
// - foreign key names on SQLite: PRAGMA foreign_key_list gives none.
std::string normalise(const std::string& dump, bool sqlite) {
  std::istringstream in(dump);
  std::vector<std::vector<std::string>> blocks;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("extension ") || line.starts_with("catalog ")) continue;
    for (std::size_t at; (at = line.find(" ASC")) != std::string::npos;)
      line.erase(at, 4);
    if (auto at = line.find(" default=prisma-level"); at != std::string::npos)
      line.erase(at, std::string(" default=prisma-level").size());
    if (sqlite && line.starts_with("  foreign key ")) {
      auto name_end = line.find(" (", 14);
      line = "  foreign key (unnamed)" + line.substr(name_end);
    }
    if (line.starts_with("  ") && !blocks.empty()) {
      blocks.back().push_back(line);
    } else {
      blocks.push_back({line});
    }
  }
  std::vector<std::string> texts;
  for (auto& b : blocks) {
    std::sort(b.begin() + 1, b.end());
    std::string t;
    for (const auto& l : b)
      t += l + "\n";
    texts.push_back(std::move(t));
  }
  std::sort(texts.begin(), texts.end());
  std::string out;
  for (const auto& t : texts)
    out += t;
  return out;
}

// Lines only in the schema's dump ("- ") and only in the database's ("+ "), per object.
std::string line_difference(const std::string& schema_side, const std::string& db_side) {
  auto split = [](const std::string& text) {
    std::map<std::string, std::multiset<std::string>> objects;
    std::istringstream in(text);
    std::string head;
    for (std::string line; std::getline(in, line);) {
      if (!line.starts_with("  ")) {
        head = line;
        objects[head];
      } else {
        objects[head].insert(line);
      }
    }
    return objects;
  };
  auto a = split(schema_side), b = split(db_side);
  std::set<std::string> heads;
  for (const auto& [h, _] : a)
    heads.insert(h);
  for (const auto& [h, _] : b)
    heads.insert(h);
  std::string out;
  for (const auto& h : heads) {
    bool in_a = a.contains(h), in_b = b.contains(h);
    if (!in_a || !in_b) {
      out += std::string(in_a ? "- " : "+ ") + h + "\n";
      for (const auto& l : (in_a ? a : b)[h])
        out += std::string(in_a ? "- " : "+ ") + l + "\n";
      continue;
    }
    std::string lines;
    for (const auto& l : a[h]) {
      if (!b[h].contains(l)) lines += "- " + l + "\n";
    }
    for (const auto& l : b[h]) {
      if (!a[h].contains(l)) lines += "+ " + l + "\n";
    }
    if (!lines.empty()) out += "  " + h + "\n" + lines;
  }
  return out;
}

class IntrospectCorpus : public ::testing::TestWithParam<History> {
 protected:
  void SetUp() override {
    if (GetParam().provider == "postgresql") GODWIT_REQUIRE_PG();
    GODWIT_REQUIRE_LIVE_PART(fs::exists(corpus_dir() / GetParam().name),
                             "the corpus: " + (corpus_dir() / GetParam().name).string());
  }
};

TEST_P(IntrospectCorpus, ScriptEqualsPrismaAndCatalogRoundTrips) {
  const History& h = GetParam();
  const fs::path history = corpus_dir() / h.name;
  Project project(history);
  Database db(h.provider, "introspect_corpus");
  auto deploy = interop::godwit(project, db, {"migrate", "deploy"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);

  // The script, against Prisma's for the same history.
  auto diff = run_godwit({"migrate", "diff", "--from-empty", "--to-url", db.url(), "--script"}, {},
                         project.root());
  ASSERT_EQ(diff.exit_code, 0) << interop::describe(diff);
  EXPECT_EQ(diff.out, read_file(golden_dir() / "corpus" / (file_stem(h.name) + ".sql")));

  // The round trip, against the schema's catalog.
  const dialect::Parts* parts = dialect::find_parts(h.provider);
  auto conn = parts->runner->connect({h.provider, db.url(), {}, db.url()}, false);
  auto inspection = parts->inspector->inspect(*conn, {});
  auto validated = psl::validate_or_throw(psl::load_schema_source(history / "schema.prisma"));
  auto from_schema = psl::build_catalog(validated.schema, *parts->psl);
  inspection.catalog.default_namespace = from_schema.default_namespace;
  bool sqlite = h.provider == "sqlite";
  std::string difference = line_difference(normalise(schema::dump(from_schema), sqlite),
                                           normalise(schema::dump(inspection.catalog), sqlite));
  EXPECT_EQ(check_golden(golden_dir() / "roundtrip" / (file_stem(h.name) + ".txt"), difference),
            "");
}

INSTANTIATE_TEST_SUITE_P(Histories, IntrospectCorpus,
                         ::testing::ValuesIn(interop::corpus_histories()),
                         interop::corpus_test_name);

}  // namespace
}  // namespace godwit::test
