#!/usr/bin/env bash
# `godwit migrate down-gen` for every migration of a corpus history (default: langfuse, 434
# migrations) against one psql session replaying the same history, on a throwaway PostgreSQL
# 15 (scripts/pg-cluster). Issue 11's target: down-gen <= 3x the psql replay (one shadow replay
# for all the downs, not one replay per migration).
#   psql    every migration.sql in folder order, fed to ONE `psql -X -q -v ON_ERROR_STOP=1`
#           session on a fresh database (no history table, no introspection)
#   godwit  `godwit migrate down-gen --force` on a copy of the folder: the same replay on a
#           shadow database, read back (introspected) after every migration, each down rendered
#           and written
# Rounds alternate the two; prints each run, the medians and the median of the per-round ratios.
#
# Usage: bench/down_gen.sh [HISTORY]   (a folder of ../shared/corpus; default langfuse__langfuse)
# Env:   ROUNDS (default 3), GODWIT (default build/godwit).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-3}"
godwit="${GODWIT:-$root/build/godwit}"
history="$root/../shared/corpus/${1:-langfuse__langfuse}"
[ -x "$godwit" ] || { echo "down_gen: $godwit not built" >&2; exit 1; }
[ -d "$history/migrations" ] || { echo "down_gen: no migrations in $history" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/down-gen-bench.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"  # the server runs as postgres (scripts/pg-cluster)
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
url="$("$root/scripts/pg-cluster" start "$work/pg")"
n=$(find "$history/migrations" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "down_gen: $(basename "$history"), $n migrations, $rounds rounds, server $url"

# The project godwit reads: the schema (datasource url lines dropped) and a copy of the folder.
mkdir -p "$work/proj"
grep -Ev '^\s*(url|directUrl|shadowDatabaseUrl)\s*=' "$history/schema.prisma" > "$work/proj/schema.prisma"
cp -r "$history/migrations" "$work/proj/migrations"
# The replay psql runs: the migrations in folder order (byte order of the 14-digit timestamps).
find "$history/migrations" -mindepth 1 -maxdepth 1 -type d -print0 | LC_ALL=C sort -z |
  while IFS= read -r -d '' d; do cat "$d/migration.sql"; printf '\n;\n'; done > "$work/all.sql"

now() { date +%s.%N; }
psql_times=(); godwit_times=(); ratios=()
for r in $(seq 1 "$rounds"); do
  db="replay_$r"
  psql -X -q -d "$url" -c "CREATE DATABASE $db" >/dev/null
  t0=$(now)
  psql -X -q -v ON_ERROR_STOP=1 -d "${url%/*}/$db" -f "$work/all.sql" >/dev/null 2>&1
  t1=$(now)
  psql -X -q -d "$url" -c "DROP DATABASE $db" >/dev/null
  t2=$(now)
  (cd "$work/proj" && DATABASE_URL="${url%/*}/app" "$godwit" migrate down-gen --force >"$work/gen.out" 2>&1)
  t3=$(now)
  p=$(echo "$t1 - $t0" | bc -l); g=$(echo "$t3 - $t2" | bc -l)
  psql_times+=("$p"); godwit_times+=("$g"); ratios+=("$(echo "$g / $p" | bc -l)")
  printf 'round %d: psql %.2f s, godwit down-gen %.2f s, ratio %.2f\n' "$r" "$p" "$g" "$(echo "$g / $p" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
tail -1 "$work/gen.out"
printf 'median: psql %.2f s, godwit down-gen %.2f s; median ratio %.2f (target <= 3)\n' \
  "$(median "${psql_times[@]}")" "$(median "${godwit_times[@]}")" "$(median "${ratios[@]}")"
