#!/usr/bin/env bash
# Wall time of `godwit migrate status` on a fully migrated database with N (default 1,000)
# migrations, on SQLite and on PostgreSQL 15 (throwaway server from scripts/pg-cluster, default
# durability settings, stopped at exit). The history comes from bench/gen_migrations.sh and is
# deployed once by godwit (that deploy is timed too, for information). Then RUNS (default 30)
# runs of `godwit migrate status` per database after WARMUP (default 3) untimed ones; prints the
# median (target <= 20 ms), min and 90th percentile, and the same for `godwit --version` (the
# process start-up floor). Timing uses bash's $EPOCHREALTIME (no extra process per sample).
#
# Usage: bench/status_bench.sh
# Env:   N, RUNS, WARMUP, GODWIT (default build/godwit), BENCH_OUT (TSV of every sample),
#        GODWIT_B (optional second godwit binary, e.g. a patched build: its status runs alternate
#        with GODWIT's on the same databases and are reported as `<provider>_b`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${N:-1000}"
runs="${RUNS:-30}"
warmup="${WARMUP:-3}"
godwit="${GODWIT:-$root/build/godwit}"
[ -x "$godwit" ] || { echo "status_bench: $godwit not built (cmake --build build --target godwit)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/godwit-status.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
admin_url="$("$root/scripts/pg-cluster" start "$work/pg")"
psql -X -q -v ON_ERROR_STOP=1 -d "$admin_url" -c "CREATE DATABASE status_bench" >/dev/null
pg_url="${admin_url%/postgres}/status_bench"
sqlite_url="file:$work/status_bench.db"

"$root/bench/gen_migrations.sh" "$work/sqlite" sqlite "$count"
"$root/bench/gen_migrations.sh" "$work/postgresql" postgresql "$count"

ms_between() { awk -v s="$1" -v e="$2" 'BEGIN {printf "%.2f", (e - s) * 1000}'; }
summary() {  # stdin: one sample per line -> "median X ms, min Y ms, p90 Z ms"
  sort -n | awk '{a[NR]=$1} END {
    med = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
    p90 = a[int(NR * 0.9 + 0.999)]
    printf "median %.1f ms, min %.1f ms, p90 %.1f ms (%d runs)", med, a[1], p90, NR}'
}
printf 'target\tround\tms\n' > "$work/samples.tsv"

echo "status_bench: $count migrations, $runs runs after $warmup warm-up runs; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for provider in sqlite postgresql; do
  url="$sqlite_url"; [ "$provider" = postgresql ] && url="$pg_url"
  start=$EPOCHREALTIME
  "$godwit" migrate deploy --schema "$work/$provider/schema.prisma" --url "$url" >"$work/deploy.log" 2>&1 \
    || { tail -20 "$work/deploy.log" >&2; exit 1; }
  end=$EPOCHREALTIME
  echo "$provider: deployed $count migrations once in $(ms_between "$start" "$end") ms"
  args=(migrate status --schema "$work/$provider/schema.prisma" --url "$url")
  "$godwit" "${args[@]}" >"$work/status.log" 2>&1 || { cat "$work/status.log" >&2; exit 1; }
  grep -q "Database schema is up to date!" "$work/status.log" || { cat "$work/status.log" >&2; exit 1; }
  bins=("$godwit"); labels=("$provider")
  [ -n "${GODWIT_B:-}" ] && { bins+=("$GODWIT_B"); labels+=("${provider}_b"); }
  for _ in $(seq 1 "$warmup"); do for b in "${bins[@]}"; do "$b" "${args[@]}" >/dev/null 2>&1; done; done
  for round in $(seq 1 "$runs"); do
    for i in "${!bins[@]}"; do
      start=$EPOCHREALTIME
      "${bins[$i]}" "${args[@]}" >/dev/null 2>&1
      end=$EPOCHREALTIME
      printf '%s\t%s\t%s\n' "${labels[$i]}" "$round" "$(ms_between "$start" "$end")" >> "$work/samples.tsv"
    done
  done
  for i in "${!bins[@]}"; do
    echo "${labels[$i]}: ${bins[$i]} migrate status: $(awk -F'\t' -v t="${labels[$i]}" '$1==t {print $3}' "$work/samples.tsv" | summary)"
  done
done
for round in $(seq 1 "$runs"); do
  start=$EPOCHREALTIME
  "$godwit" --version >/dev/null
  end=$EPOCHREALTIME
  printf 'version\t%s\t%s\n' "$round" "$(ms_between "$start" "$end")" >> "$work/samples.tsv"
done
echo "floor: godwit --version: $(awk -F'\t' '$1=="version" {print $3}' "$work/samples.tsv" | summary)"
[ -n "${BENCH_OUT:-}" ] && cp "$work/samples.tsv" "$BENCH_OUT"
exit 0
