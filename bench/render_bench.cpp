// Phases of `migrate diff --from-empty --to-schema --script` in-process: reading + validating
// the schema (psl), building the catalog, rendering the script. Inputs: the largest corpus
// schema (trigger.dev `database`) and a generated 500-model schema
// (bench/render_gen_schema.py, run once at start-up).
//
//   cmake -B build -DGODWIT_BUILD_BENCH=ON && cmake --build build --target render_bench
//   build/bench/render_bench
//
// GODWIT_CORPUS_DIR overrides ../shared/corpus. The end-to-end process timing against Prisma
// is bench/diff_vs_prisma.sh.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "dialect/registry.hpp"
#include "diff/differ.hpp"
#include "diff/summary.hpp"
#include "plan/make_plan.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/validate.hpp"

namespace {

namespace fs = std::filesystem;
using namespace godwit;

// What `migrate diff --from-empty --script` prints for `catalog` on PostgreSQL.
std::string render_script(const schema::Catalog& catalog) {
  const dialect::Parts& pg = *dialect::find_parts("postgresql");
  auto changes = diff::diff(schema::Catalog{}, catalog, *pg.diff_policy);
  return plan::make_plan(changes, schema::Catalog{}, catalog, *pg.renderer).script();
}

fs::path corpus_schema() {
  const char* dir = std::getenv("GODWIT_CORPUS_DIR");
  fs::path corpus =
      dir ? fs::path(dir) : fs::path(GODWIT_SOURCE_DIR).parent_path() / "shared" / "corpus";
  return corpus / "triggerdotdev__trigger.dev" / "database" / "schema.prisma";
}

// Writes the generated 500-model schema once per process.
fs::path generated_schema() {
  static fs::path path = [] {
    fs::path out = fs::temp_directory_path() / "godwit-render-bench-500.prisma";
    std::string cmd = "python3 '" GODWIT_SOURCE_DIR
                      "/bench/render_gen_schema.py' 500 postgresql > '" +
                      out.string() + "'";
    if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "cannot run %s\n", cmd.c_str());
    return out;
  }();
  return path;
}

fs::path input(int which) {
  return which == 0 ? corpus_schema() : generated_schema();
}

void set_label(benchmark::State& state, int which) {
  state.SetLabel(which == 0 ? "trigger.dev database" : "generated 500 models");
}

void BM_LoadAndValidate(benchmark::State& state) {
  fs::path p = input(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto source = psl::load_schema_source(p);
    auto result = psl::validate_schema(source);
    benchmark::DoNotOptimize(result);
  }
  set_label(state, static_cast<int>(state.range(0)));
}

void BM_BuildCatalog(benchmark::State& state) {
  auto result =
      psl::validate_schema(psl::load_schema_source(input(static_cast<int>(state.range(0)))));
  for (auto _ : state) {
    auto catalog = psl::build_catalog(result.schema, psl::postgres_catalog_flavour());
    benchmark::DoNotOptimize(catalog);
  }
  set_label(state, static_cast<int>(state.range(0)));
}

void BM_RenderScript(benchmark::State& state) {
  auto result =
      psl::validate_schema(psl::load_schema_source(input(static_cast<int>(state.range(0)))));
  auto catalog = psl::build_catalog(result.schema, psl::postgres_catalog_flavour());
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto script = render_script(catalog);
    bytes = script.size();
    benchmark::DoNotOptimize(script);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  set_label(state, static_cast<int>(state.range(0)));
}

void BM_RenderSummary(benchmark::State& state) {
  auto result =
      psl::validate_schema(psl::load_schema_source(input(static_cast<int>(state.range(0)))));
  auto catalog = psl::build_catalog(result.schema, psl::postgres_catalog_flavour());
  for (auto _ : state) {
    auto summary = diff::summary(
        diff::diff(schema::Catalog{}, catalog, *dialect::find_parts("postgresql")->diff_policy),
        schema::Catalog{}, catalog);
    benchmark::DoNotOptimize(summary);
  }
  set_label(state, static_cast<int>(state.range(0)));
}

void BM_EndToEnd(benchmark::State& state) {
  fs::path p = input(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto result = psl::validate_schema(psl::load_schema_source(p));
    auto script = render_script(psl::build_catalog(result.schema, psl::postgres_catalog_flavour()));
    benchmark::DoNotOptimize(script);
  }
  set_label(state, static_cast<int>(state.range(0)));
}

BENCHMARK(BM_LoadAndValidate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildCatalog)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderScript)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderSummary)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EndToEnd)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
