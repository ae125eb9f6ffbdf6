// Cost of splitting and classifying migration scripts: the whole langfuse history
// (434 PostgreSQL files, 1,117 statements) and the pingvin-share history (24 SQLite files).
// Files are read once; each iteration splits every file. Reported counters:
// `time_per_stmt` (seconds per statement, e.g. "29.6u" = 29.6 µs) and `stmts` (statements per
// iteration).
//
//   cmake -B build -DGODWIT_BUILD_BENCH=ON && cmake --build build --target split_bench
//   build/bench/split_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dialect/postgres/pgparse/split.hpp"
#include "dialect/sqlite/run/split.hpp"

namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
  if (const char* c = std::getenv("GODWIT_CORPUS_DIR")) return c;
  return fs::path(GODWIT_SOURCE_DIR).parent_path() / "shared" / "corpus";
}

// migration.sql of every folder of `history`, in folder-name order.
std::vector<std::string> load_history(const std::string& history) {
  std::vector<fs::path> folders;
  for (const auto& e : fs::directory_iterator(corpus_dir() / history / "migrations")) {
    if (e.is_directory() && fs::exists(e.path() / "migration.sql")) folders.push_back(e.path());
  }
  std::sort(folders.begin(), folders.end());
  std::vector<std::string> scripts;
  for (const auto& f : folders) {
    std::ifstream in(f / "migration.sql", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    scripts.push_back(ss.str());
  }
  return scripts;
}

template <typename Split>
void run(benchmark::State& state, const std::string& history, Split split) {
  const auto scripts = load_history(history);
  if (scripts.empty()) {
    state.SkipWithError(("no migrations under " + (corpus_dir() / history).string()).c_str());
    return;
  }
  std::size_t statements = 0, bytes = 0;
  for (auto _ : state) {
    statements = 0;
    for (const auto& s : scripts) {
      auto script = split(s);
      statements += script.statements.size();
      benchmark::DoNotOptimize(script);
    }
  }
  for (const auto& s : scripts)
    bytes += s.size();
  state.counters["stmts"] = static_cast<double>(statements);
  state.counters["files"] = static_cast<double>(scripts.size());
  state.counters["time_per_stmt"] = benchmark::Counter(
      static_cast<double>(statements),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_SplitLangfusePostgres(benchmark::State& state) {
  run(state, "langfuse__langfuse",
      [](const std::string& s) { return godwit::postgres::split_script(s); });
}
BENCHMARK(BM_SplitLangfusePostgres)->Unit(benchmark::kMillisecond);

void BM_SplitPingvinShareSqlite(benchmark::State& state) {
  run(state, "stonith404__pingvin-share",
      [](const std::string& s) { return godwit::sqlite::split_script(s); });
}
BENCHMARK(BM_SplitPingvinShareSqlite)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
