#!/usr/bin/env bash
# A large data migration (one migration.sql of N single-row INSERTs after a CREATE TABLE, about
# 100 bytes a statement: 100,000 = ~10 MB, 1,000,000 = ~100 MB), each run on a fresh database of
# a throwaway PostgreSQL 15 (scripts/pg-cluster, DEFAULT durability settings), three tools in
# the same run, rounds alternating the tools:
#   godwit  `godwit migrate deploy` (splits the file, runs it in one transaction with its
#           history row; transactional statements are sent in groups, as `groups` below)
#   prisma  the real Prisma 7.10.1 `prisma migrate deploy` (the oracle that
#           /work/shared/tools/prisma-oracle/install.sh installs; it sends the whole file as one
#           query string), on the same project files (schema.prisma + prisma.config.ts)
#   floor   bench/pqexec_file: the whole file as ONE PQexec (one query string, the simple query
#           protocol, one implicit transaction), no history: the fastest way to run the file
#   pipe    bench/pqexec_file --pipeline: BEGIN, every statement through libpq's pipeline mode
#           as its own extended-protocol query (as godwit sends them), COMMIT; no parser, no
#           history: what pipeline mode alone costs over `floor` (godwit used it until the
#           groups replaced it)
#   groups  bench/pqexec_file --groups: BEGIN, the file in groups of 1,000 statements, each one
#           multi-statement simple query of the file's own text (as godwit sends them), COMMIT;
#           no parser, no history: what the protocol alone costs over `floor`, so godwit/groups
#           is godwit's own overhead (reading, checksum, parsing, history)
#   godwit_b  only with GODWIT_B=path/to/another/godwit: a second build in the same rounds
# Per tool and size: median and minimum wall time (on a shared machine other work only adds
# time, so the minimum is the steadier figure), the median of the per-round ratios (each round
# runs the tools back to back, so a ratio within a round sees the same machine load: the
# figure least moved by other work on a shared machine) and the largest peak RSS (/usr/bin/time %M; for
# Prisma that is its largest process, Node.js or the schema engine). Ratios: godwit/prisma
# (target <= 1.0), godwit/floor (target <= 1.1), pipe/floor and godwit/pipe (no target: where
# the time goes), godwit peak RSS / file size (target <= 3).
#
# Usage: bench/large_migration.sh [statements ...]      (default: 100000 1000000)
# Env:   ROUNDS (default 3), GODWIT (default build/godwit), GODWIT_B (default: none), PRISMA (default
#        ~/.cache/prisma-oracle/prisma), BENCH_OUT (TSV of every run; default: none).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-3}"
godwit="${GODWIT:-$root/build/godwit}"
prisma="${PRISMA:-${XDG_CACHE_HOME:-$HOME/.cache}/prisma-oracle/prisma}"
[ -x "$godwit" ] || { echo "large_migration: $godwit not built (cmake --build build --target godwit)" >&2; exit 1; }
[ -x "$prisma" ] || { echo "large_migration: no Prisma at $prisma (/work/shared/tools/prisma-oracle/install.sh)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "large_migration: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
[ $# -gt 0 ] || set -- 100000 1000000

work="$(mktemp -d "${TMPDIR:-/tmp}/godwit-large.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
cc -O2 -o "$work/pqexec_file" "$root/bench/pqexec_file.c" $(pkg-config --cflags --libs libpq)
admin_url="$("$root/scripts/pg-cluster" start "$work/pg")"
base_url="${admin_url%/postgres}"
admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$admin_url" -c "$1" >/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# The project both tools read: the URL comes from DATABASE_URL (godwit's default; Prisma 7's
# through prisma.config.ts, as Prisma 7 rejects a url in the schema).
project="$work/project"
mkdir -p "$project/migrations"
printf 'datasource db {\n  provider = "postgresql"\n}\n' > "$project/schema.prisma"
cat > "$project/prisma.config.ts" <<'EOF'
export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL as string },
}
EOF
printf 'provider = "postgresql"\n' > "$project/migrations/migration_lock.toml"

echo "large_migration: $(psql --version | head -1), server $(psql -X -At -d "$admin_url" -c 'show server_version'), fsync=$(psql -X -At -d "$admin_url" -c 'show fsync'); prisma $("$prisma" --version 2>/dev/null | awk '/^prisma /{print $3}'); $rounds rounds; $(nproc) CPUs"
printf 'statements\ttool\tround\tms\trss_kb\n' > "$work/runs.tsv"
tools=(godwit prisma floor pipe groups)
godwit_b="${GODWIT_B:-}"
if [ -n "$godwit_b" ]; then
  [ -x "$godwit_b" ] || { echo "large_migration: GODWIT_B=$godwit_b is not executable" >&2; exit 1; }
  tools+=(godwit_b)
fi

for n in "$@"; do
  rm -rf "$project/migrations/"2*
  file="$project/migrations/20240101000000_data/migration.sql"
  mkdir -p "$(dirname "$file")"
  awk -v n="$n" 'BEGIN {
    print "CREATE TABLE \"Item\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"name\" TEXT NOT NULL, \"qty\" INTEGER NOT NULL, \"note\" TEXT);"
    for (i = 1; i <= n; i++)
      printf "INSERT INTO \"Item\" (\"id\", \"name\", \"qty\", \"note\") VALUES (%d, '\''item-%07d'\'', %d, '\''a note %07d'\'');\n", i, i, i % 97, i
  }' > "$file"
  bytes=$(stat -c %s "$file")
  echo "== $n INSERTs, $bytes bytes"
  for round in $(seq 1 "$rounds"); do
    for tool in "${tools[@]}"; do
      db="large_${tool}_${round}"
      admin "DROP DATABASE IF EXISTS $db"
      admin "CREATE DATABASE $db"
      url="$base_url/$db"
      sleep 0.5
      case "$tool" in
        godwit) cmd=("$godwit" migrate deploy) ;;
        prisma) cmd=("$prisma" migrate deploy) ;;
        floor) cmd=("$work/pqexec_file" "$url" "$file") ;;
        pipe) cmd=("$work/pqexec_file" --pipeline "$url" "$file") ;;
        groups) cmd=("$work/pqexec_file" --groups "$url" "$file") ;;
        godwit_b) cmd=("$godwit_b" migrate deploy) ;;
      esac
      start=$(date +%s%N)
      (cd "$project" && DATABASE_URL="$url" NO_COLOR=1 /usr/bin/time -f '%M' -o "$work/rss" "${cmd[@]}") \
        >"$work/out.log" 2>&1 || { echo "large_migration: $tool failed:" >&2; tail -20 "$work/out.log" >&2; exit 1; }
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      rss=$(tail -1 "$work/rss")
      rows=$(psql -X -At -d "$url" -c 'SELECT count(*) FROM "Item"')
      [ "$rows" = "$n" ] || { echo "large_migration: $tool left $rows rows, not $n" >&2; exit 1; }
      printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$round" "$ms" "$rss" >> "$work/runs.tsv"
      printf '  round %s %-8s %7d ms %8d KB peak RSS\n' "$round" "$tool" "$ms" "$rss"
      admin "DROP DATABASE $db"
    done
  done
  for tool in "${tools[@]}"; do
    col() { awk -F'\t' -v n="$n" -v t="$tool" -v c="$1" '$1==n && $2==t {print $c}' "$work/runs.tsv"; }
    col 4 | median > "$work/median.$tool"
    col 4 | sort -n | head -1 > "$work/min.$tool"
    col 5 | sort -n | tail -1 > "$work/rss.$tool"
    printf '  %-8s median %7s ms, min %7s ms, peak RSS %7s KB\n' "$tool" \
      "$(cat "$work/median.$tool")" "$(cat "$work/min.$tool")" "$(cat "$work/rss.$tool")"
  done
  # Median over rounds of tool A's time / tool B's time in the same round.
  paired() {
    join -t $'\t' \
      <(awk -F'\t' -v n="$n" -v t="$1" '$1==n && $2==t {print $3 "\t" $4}' "$work/runs.tsv" | sort) \
      <(awk -F'\t' -v n="$n" -v t="$2" '$1==n && $2==t {print $3 "\t" $4}' "$work/runs.tsv" | sort) |
      awk -F'\t' '{printf "%.4f\n", $2 / $3}' | median | xargs printf '%.3f'
  }
  ratio() { printf '%.3f' "$(echo "$(cat "$work/$1.$2") / $(cat "$work/$1.$3")" | bc -l)"; }
  echo "  godwit/prisma: $(ratio median godwit prisma) on medians, $(ratio min godwit prisma) on minimums, $(paired godwit prisma) paired (target <= 1.0)"
  echo "  godwit/floor:  $(ratio median godwit floor) on medians, $(ratio min godwit floor) on minimums, $(paired godwit floor) paired (target <= 1.1)"
  echo "  pipe/floor:    $(ratio median pipe floor) on medians, $(ratio min pipe floor) on minimums"
  echo "  groups/floor:  $(ratio median groups floor) on medians, $(ratio min groups floor) on minimums; godwit/groups: $(ratio median godwit groups), $(ratio min godwit groups)"
  echo "  godwit peak RSS / file size: $(printf '%.2f' "$(echo "$(cat "$work/rss.godwit") * 1024 / $bytes" | bc -l)") (target <= 3); floor: $(printf '%.2f' "$(echo "$(cat "$work/rss.floor") * 1024 / $bytes" | bc -l)")"
  if [ -n "$godwit_b" ]; then
    echo "  godwit_b/floor: $(ratio median godwit_b floor) on medians, $(ratio min godwit_b floor) on minimums; godwit/godwit_b: $(ratio median godwit godwit_b), $(ratio min godwit godwit_b); godwit_b RSS / file: $(printf '%.2f' "$(echo "$(cat "$work/rss.godwit_b") * 1024 / $bytes" | bc -l)")"
  fi
done
[ -n "${BENCH_OUT:-}" ] && cp "$work/runs.tsv" "$BENCH_OUT"
exit 0
