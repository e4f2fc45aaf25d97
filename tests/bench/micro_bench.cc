// Google Benchmark micro-benchmarks for the stages issue 7 measures: loading
// a YAML changelog, checksumming its changesets and rendering their SQL.
// Built with -DSTRATA_BUILD_BENCHMARKS=ON (needs libbenchmark-dev):
//   build-release/strata_micro_bench [--benchmark_filter=Load]
// The changelogs are those of tools/bench/gen-changelog, made in memory.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "strata/checksum.h"
#include "strata/dialect.h"
#include "strata/load.h"
#include "strata/render.h"

namespace strata {
namespace {

// `n` changesets cycling createTable, addColumn, createIndex, insert and sql
// over one table per five, with a tagDatabase every 50th.
std::string SyntheticChangeLog(int n) {
  std::string out = "databaseChangeLog:\n";
  char buf[1024];
  for (int i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf,
                  "  - changeSet:\n      id: cs-%d\n      author: bench\n      changes:\n", i);
    out += buf;
    if (i % 50 == 0) {
      std::snprintf(buf, sizeof buf, "        - tagDatabase:\n            tag: tag-%d\n", i / 50);
      out += buf;
      continue;
    }
    const int k = i - i / 50 - 1;
    const int t = k / 5;
    switch (k % 5) {
      case 0:
        std::snprintf(buf, sizeof buf,
                      "        - createTable:\n            tableName: t_%d\n            columns:\n"
                      "              - column:\n                  name: id\n                  type: int\n"
                      "                  constraints:\n                    primaryKey: true\n"
                      "                    nullable: false\n"
                      "              - column:\n                  name: name\n"
                      "                  type: varchar(100)\n",
                      t);
        break;
      case 1:
        std::snprintf(buf, sizeof buf,
                      "        - addColumn:\n            tableName: t_%d\n            columns:\n"
                      "              - column:\n                  name: note\n"
                      "                  type: varchar(200)\n",
                      t);
        break;
      case 2:
        std::snprintf(buf, sizeof buf,
                      "        - createIndex:\n            tableName: t_%d\n"
                      "            indexName: ix_t_%d_name\n            columns:\n"
                      "              - column:\n                  name: name\n",
                      t, t);
        break;
      case 3:
        std::snprintf(buf, sizeof buf,
                      "        - insert:\n            tableName: t_%d\n            columns:\n"
                      "              - column:\n                  name: id\n"
                      "                  valueNumeric: 1\n"
                      "      rollback:\n        - delete:\n            tableName: t_%d\n"
                      "            where: id = 1\n",
                      t, t);
        break;
      default:
        std::snprintf(buf, sizeof buf,
                      "        - sql:\n            sql: UPDATE t_%d SET note = 'b' WHERE id = 1\n", t);
        break;
    }
    out += buf;
  }
  return out;
}

DatabaseChangeLog LoadOrDie(const std::string& text) {
  LoadResult r = LoadChangeLogFromString(text, "changelog.yaml", LoadOptions());
  if (!r.ok()) {
    std::fprintf(stderr, "synthetic changelog does not load: %s\n",
                 r.errors.front().message.c_str());
    std::abort();
  }
  return std::move(r.changelog);
}

void BM_LoadYaml(benchmark::State& state) {
  const std::string text = SyntheticChangeLog(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    LoadResult r = LoadChangeLogFromString(text, "changelog.yaml", LoadOptions());
    benchmark::DoNotOptimize(r.changelog.changesets.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_LoadYaml)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_Checksum(benchmark::State& state) {
  const DatabaseChangeLog log = LoadOrDie(SyntheticChangeLog(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    for (const ChangeSet& cs : log.changesets)
      benchmark::DoNotOptimize(ChangeSetChecksum(cs, "postgresql"));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Checksum)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_RenderPostgres(benchmark::State& state) {
  const DatabaseChangeLog log = LoadOrDie(SyntheticChangeLog(static_cast<int>(state.range(0))));
  RenderOptions options;
  options.dialect = &PostgresDialect();
  for (auto _ : state) {
    std::vector<Statement> out;
    for (const ChangeSet& cs : log.changesets)
      for (const Change& c : cs.changes)
        if (!RenderChange(c, options, &out).ok()) state.SkipWithError("render failed");
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RenderPostgres)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace strata

BENCHMARK_MAIN();
