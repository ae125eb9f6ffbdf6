#!/usr/bin/env bash
# Wall time of `godwit migrate deploy` on a fresh PostgreSQL 15 database, against two baselines
# running the same migration files in the same order on their own fresh databases:
#   psql    ONE psql session (`psql -X -q -v ON_ERROR_STOP=1 -f plan.sql`) where plan.sql has,
#           per folder, `BEGIN;` `\i <migration.sql>` `COMMIT;` for the files godwit runs in one
#           transaction, and a bare `\i <migration.sql>` (autocommit) for the files godwit runs
#           outside a transaction (CREATE/DROP INDEX CONCURRENTLY) or as written (their own
#           BEGIN/COMMIT). The psql baseline keeps no migration history.
#   dbmate  dbmate (npm package `dbmate`, Go) `--no-dump-schema up` on a copy of the history in
#           dbmate's layout: db/migrations/<6-digit index>_<folder>.sql with `-- migrate:up` (and an
#           empty `-- migrate:down`, which dbmate requires), `-- migrate:up transaction:false` for
#           the same non-transactional files. dbmate keeps
#           its own history table (schema_migrations), written in each migration's transaction.
# The per-file mode is godwit's own classification, read from tests/golden/split/<history>.tsv
# (the golden output of godwit's statement splitter: single | autocommit | as-written).
#
# Server: a throwaway PostgreSQL 15 from scripts/pg-cluster with DEFAULT durability settings
# (fsync, synchronous_commit and full_page_writes on), stopped at exit. Rounds alternate the tools
# (godwit, psql, dbmate, godwit, ...); per tool the median and minimum wall time (on a shared
# machine other work only adds time, so the minimum is the steadier figure) and the median
# number of WAL flushes (pg_stat_wal.wal_sync, independent of load); ratios godwit/psql (target
# <= 1.15) and godwit/dbmate (target < 1).
#
# Usage: bench/deploy_vs_psql.sh [history ...]     (default: trigger.dev `database`, langfuse)
# Env:   ROUNDS (default 5), GODWIT (default build/godwit), DBMATE (default: npm-installed into
#        ~/.cache/godwit-bench/dbmate), BENCH_OUT (TSV of every run; default: none),
#        GODWIT_B (optional second godwit binary, e.g. a patched build, timed as tool `godwit_b`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${GODWIT_CORPUS_DIR:-$root/../shared/corpus}"
rounds="${ROUNDS:-5}"
godwit="${GODWIT:-$root/build/godwit}"
[ -x "$godwit" ] || { echo "deploy_vs_psql: $godwit not built (cmake --build build --target godwit)" >&2; exit 1; }
[ $# -gt 0 ] || set -- triggerdotdev__trigger.dev/database langfuse__langfuse

if [ -z "${DBMATE:-}" ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/godwit-bench/dbmate"
  if [ ! -x "$cache/node_modules/.bin/dbmate" ]; then
    mkdir -p "$cache"
    (cd "$cache" && npm install --no-audit --no-fund --silent dbmate >&2)
  fi
  DBMATE="$cache/node_modules/.bin/dbmate"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/godwit-bench.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
admin_url="$("$root/scripts/pg-cluster" start "$work/pg")"
base_url="${admin_url%/postgres}"
admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$admin_url" -c "$1" >/dev/null; }

# WAL flushes (fsyncs of the WAL) on the whole server so far: the commits that had to reach the
# disk, which dominate migration time with default durability settings. Load-independent.
wal_syncs() { psql -X -At -d "$admin_url" -c "SELECT wal_sync FROM pg_stat_wal"; }
# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "deploy_vs_psql: $(psql --version | head -1), server $(psql -X -At -d "$admin_url" -c 'show server_version'), fsync=$(psql -X -At -d "$admin_url" -c 'show fsync'), synchronous_commit=$(psql -X -At -d "$admin_url" -c 'show synchronous_commit'); $("$DBMATE" --version); $rounds rounds"
printf 'history\ttool\tround\tms\twal_syncs\n' > "$work/runs.tsv"
tools=(godwit psql dbmate)
[ -n "${GODWIT_B:-}" ] && tools+=(godwit_b)

for history in "$@"; do
  dir="$corpus/$history"
  split="$root/tests/golden/split/${history//\//_}.tsv"
  [ -f "$split" ] || { echo "deploy_vs_psql: no $split" >&2; exit 1; }
  plan="$work/plan.sql"
  dbm="$work/dbmate/db/migrations"
  rm -rf "$work/dbmate"; mkdir -p "$dbm"
  : > "$plan"
  n=0; non_tx=0
  # Folder order is the split file's order, which is godwit's order (folder-name order).
  while IFS=$'\t' read -r folder _ mode _; do
    [[ "$folder" == \#* || -z "$folder" ]] && continue
    file="$dir/migrations/$folder/migration.sql"
    n=$((n + 1))
    version=$(printf '%06d' "$n")
    safe="${folder//[^A-Za-z0-9_]/_}"
    if [ "$mode" = single ]; then
      printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "'$file'" >> "$plan"
      { echo "-- migrate:up"; cat "$file"; printf '\n-- migrate:down\n'; } > "$dbm/${version}_$safe.sql"
    else
      non_tx=$((non_tx + 1))
      printf '\\i %s\n' "'$file'" >> "$plan"
      { echo "-- migrate:up transaction:false"; cat "$file"; printf '\n-- migrate:down\n'; } > "$dbm/${version}_$safe.sql"
    fi
  done < "$split"
  echo "== $history: $n migrations ($non_tx outside a transaction)"

  for round in $(seq 1 "$rounds"); do
    for tool in "${tools[@]}"; do
      db="b_${tool}_${round}"
      admin "DROP DATABASE IF EXISTS $db"
      admin "CREATE DATABASE $db"
      url="$base_url/$db"
      sleep 0.5
      wal0=$(wal_syncs)
      start=$(now_ms)
      case "$tool" in
        godwit_b) "$GODWIT_B" migrate deploy --schema "$dir/schema.prisma" --url "$url" >"$work/out.log" 2>&1 ;;
        godwit) "$godwit" migrate deploy --schema "$dir/schema.prisma" --url "$url" >"$work/out.log" 2>&1 ;;
        psql) psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$plan" >"$work/out.log" 2>&1 ;;
        dbmate) "$DBMATE" --url "$url?sslmode=disable" --migrations-dir "$dbm" --no-dump-schema up >"$work/out.log" 2>&1 ;;
      esac || { echo "deploy_vs_psql: $tool failed on $history:" >&2; tail -20 "$work/out.log" >&2; exit 1; }
      ms=$(( $(now_ms) - start ))
      sleep 1  # the tool's backend reports its WAL statistics when it exits
      syncs=$(( $(wal_syncs) - wal0 ))
      printf '%s\t%s\t%s\t%s\t%s\n' "$history" "$tool" "$round" "$ms" "$syncs" >> "$work/runs.tsv"
      printf '  round %s %-8s %6d ms %6d WAL syncs\n' "$round" "$tool" "$ms" "$syncs"
      admin "DROP DATABASE $db"
    done
  done

  for tool in "${tools[@]}"; do
    awk -F'\t' -v h="$history" -v t="$tool" '$1==h && $2==t {print $4}' "$work/runs.tsv" | median > "$work/median.$tool"
    awk -F'\t' -v h="$history" -v t="$tool" '$1==h && $2==t {print $4}' "$work/runs.tsv" | sort -n | head -1 > "$work/min.$tool"
    awk -F'\t' -v h="$history" -v t="$tool" '$1==h && $2==t {print $5}' "$work/runs.tsv" | median > "$work/syncs.$tool"
    printf '  %-8s median %6s ms, min %6s ms, median %5s WAL syncs\n' "$tool" \
      "$(cat "$work/median.$tool")" "$(cat "$work/min.$tool")" "$(cat "$work/syncs.$tool")"
  done
  ratio() { printf '%.3f' "$(echo "$(cat "$work/$1.$2") / $(cat "$work/$1.$3")" | bc -l)"; }
  echo "  godwit/psql: $(ratio median godwit psql) on medians, $(ratio min godwit psql) on minimums (target <= 1.15)"
  echo "  godwit/dbmate: $(ratio median godwit dbmate) on medians, $(ratio min godwit dbmate) on minimums (target < 1)"
  if [ -n "${GODWIT_B:-}" ]; then
    echo "  godwit_b/psql: $(ratio median godwit_b psql) on medians, $(ratio min godwit_b psql) on minimums; godwit_b/dbmate: $(ratio median godwit_b dbmate), $(ratio min godwit_b dbmate)"
  fi
done
[ -n "${BENCH_OUT:-}" ] && cp "$work/runs.tsv" "$BENCH_OUT"
exit 0
