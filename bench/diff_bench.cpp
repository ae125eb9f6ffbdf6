// The differ on two catalogs of N tables (5 columns each) that differ in one column: pairing
// tables, columns, indexes and foreign keys goes through hash lookups built once
// (schema/lookup), so the time must grow linearly with N (issue 9: diffing 500 tables stays
// linear). Google Benchmark fits the complexity and prints it. This replaces a timed unit test
// (timing belongs in benchmarks: a loaded machine failed it).
//
//   cmake -B build -DGODWIT_BUILD_BENCH=ON && cmake --build build --target diff_bench
//   build/bench/diff_bench
#include <benchmark/benchmark.h>

#include <string>

#include "dialect/registry.hpp"
#include "diff/differ.hpp"

namespace {

using namespace godwit;

schema::Catalog tables(int n) {
  schema::Catalog c;
  c.default_namespace = "public";
  auto ns = c.add_namespace("public");
  for (int i = 0; i < n; ++i) {
    auto t = c.add_table(ns, "t" + std::to_string(i));
    for (int k = 0; k < 5; ++k) {
      schema::Column col;
      col.table = t;
      col.name = "c" + std::to_string(k);
      col.type.family = schema::TypeFamily::Int;
      c.add_column(std::move(col));
    }
  }
  return c;
}

void BM_DiffTables(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const schema::Catalog from = tables(n);
  schema::Catalog to = tables(n);
  to.columns.back().arity = schema::Arity::Nullable;
  const auto& policy = *dialect::find_parts("postgresql")->diff_policy;
  for (auto _ : state) {
    auto changes = diff::diff(from, to, policy);
    if (changes.changes.size() != 1) state.SkipWithError("expected exactly one change");
    benchmark::DoNotOptimize(changes);
  }
  state.SetComplexityN(n);
}

}  // namespace

BENCHMARK(BM_DiffTables)
    ->Arg(500)
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(4000)
    ->Arg(8000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

BENCHMARK_MAIN();
