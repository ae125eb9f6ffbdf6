#!/usr/bin/env bash
# `migrate dev` with no schema change on trigger.dev's history (the corpus's `database`, 820
# migrations), measured in one run against its baselines (issue 9):
#   psql          ONE psql session replaying the same files on a fresh database
#                 (`psql -X -q -v ON_ERROR_STOP=1 -f f1 -f f2 ...`): the floor of the shadow replay
#                 (target: godwit cold <= 1.5x this)
#   godwit cold   `godwit migrate dev` with an empty shadow cache (a fresh GODWIT_CACHE_DIR each
#                 run): history check, live introspection, the full shadow replay and its
#                 introspection, the diff ("Already in sync")
#   godwit cached the same command again with the cache the previous run stored
#                 (dev/shadow_cache.hpp; target <= 1 s)
#   prisma        the real Prisma 7.10.1 `prisma migrate dev` (offline oracle) on the same project
#                 (target: godwit cold >= 10x faster)
# The project: a database deployed with the history (godwit migrate deploy), and a schema that
# is exactly what the history makes (`godwit db pull --print` of that database), so that every
# tool finds nothing to do ("Already in sync"; each run's output is checked for it).
#
# Usage: bench/migrate_dev.sh          Env: ROUNDS (default 3; Prisma runs once per round),
#        GODWIT (default build/godwit), GODWIT_ORACLE_DIR (default ~/.cache/prisma-oracle)
# The server: a throwaway PostgreSQL 15 from scripts/pg-cluster (GODWIT_PG_FAST=1: durability
# off, as scripts/test runs it), stopped at exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${GODWIT_CORPUS_DIR:-$root/../shared/corpus}"
rounds="${ROUNDS:-3}"
godwit="${GODWIT:-$root/build/godwit}"
prisma="${GODWIT_ORACLE_DIR:-$HOME/.cache/prisma-oracle}/prisma"
history="$corpus/triggerdotdev__trigger.dev/database/migrations"
[ -x "$godwit" ] || { echo "migrate_dev: $godwit not built" >&2; exit 1; }
[ -x "$prisma" ] || { echo "migrate_dev: no Prisma oracle at $prisma" >&2; exit 1; }
[ -d "$history" ] || { echo "migrate_dev: no corpus history at $history" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/godwit-bench-dev.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
admin_url="$(GODWIT_PG_FAST=1 "$root/scripts/pg-cluster" start "$work/pg")"
base_url="${admin_url%/postgres}"
admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$admin_url" -c "$1" >/dev/null; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# The project: migrations, a Prisma 7 config, the database deployed, the schema pulled from it.
proj="$work/project"
mkdir -p "$proj/prisma"
cp -r "$history" "$proj/prisma/migrations"
admin "CREATE DATABASE app"
cat >"$proj/prisma.config.ts" <<EOF
export default {
  schema: 'prisma/schema.prisma',
  datasource: { url: '$base_url/app' },
}
EOF
printf 'datasource db {\n  provider = "postgresql"\n}\n' >"$proj/prisma/schema.prisma"
(cd "$proj" && "$godwit" migrate deploy >/dev/null 2>&1)
(cd "$proj" && "$godwit" db pull --print >"$work/pulled.prisma" 2>/dev/null)
# db pull writes partial indexes' `where:`, which needs the partialIndexes preview feature;
# without it both tools read a partial index as a whole-table one, so the clause is dropped here.
perl -pe 's/, where: raw\("(?:[^"\\]|\\.)*"\)//g' "$work/pulled.prisma" >"$proj/prisma/schema.prisma"
grep -q 'where:' "$proj/prisma/schema.prisma" && { echo "migrate_dev: a where: clause is left" >&2; exit 1; }
# The pulled schema is not exactly the history's yet (the implicit many-to-many join tables of old
# histories have a unique index where Prisma 7's schema makes a primary key): one migrate dev
# absorbs that as a 821st migration, after which nothing changes.
(cd "$proj" && CI=1 "$godwit" migrate dev --name pulled --accept-data-loss >/dev/null 2>&1)

# The psql baseline's argument list: every migration.sql in Prisma's (name) order.
psql_files=()
while IFS= read -r f; do psql_files+=(-f "$f"); done < <(ls -d "$history"/*/ | sort | sed 's#/$#/migration.sql#')

echo "migrate_dev: trigger.dev, $(ls -d "$proj/prisma/migrations"/*/ | wc -l) migrations; server $(psql -X -At -d "$admin_url" -c 'show server_version'); $rounds rounds; $(nproc) CPUs"
: >"$work/psql.ms"; : >"$work/cold.ms"; : >"$work/cached.ms"; : >"$work/prisma.ms"
for r in $(seq "$rounds"); do
  admin "DROP DATABASE IF EXISTS replay"
  admin "CREATE DATABASE replay"
  t0=$(now_ms)
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$base_url/replay" "${psql_files[@]}" >/dev/null
  echo $(( $(now_ms) - t0 )) >>"$work/psql.ms"

  cache="$work/cache-$r"
  t0=$(now_ms)
  out="$(cd "$proj" && GODWIT_CACHE_DIR="$cache" CI=1 "$godwit" migrate dev --name none 2>"$work/err")" || true
  echo $(( $(now_ms) - t0 )) >>"$work/cold.ms"
  grep -q "Already in sync" <<<"$out" || { echo "godwit (cold) was not in sync:"; echo "$out"; cat "$work/err"; exit 1; } >&2

  t0=$(now_ms)
  out="$(cd "$proj" && GODWIT_CACHE_DIR="$cache" CI=1 "$godwit" migrate dev --name none 2>"$work/err")" || true
  echo $(( $(now_ms) - t0 )) >>"$work/cached.ms"
  grep -q "Already in sync" <<<"$out" || { echo "godwit (cached) was not in sync:"; echo "$out"; cat "$work/err"; exit 1; } >&2

  t0=$(now_ms)
  out="$(cd "$proj" && NO_COLOR=1 CI=1 "$prisma" migrate dev --name none 2>&1)" || true
  echo $(( $(now_ms) - t0 )) >>"$work/prisma.ms"
  grep -q "Already in sync" <<<"$out" || { echo "prisma was not in sync:"; echo "$out"; exit 1; } >&2
  echo "round $r: psql $(tail -1 "$work/psql.ms") ms, godwit cold $(tail -1 "$work/cold.ms") ms, cached $(tail -1 "$work/cached.ms") ms, prisma $(tail -1 "$work/prisma.ms") ms"
done

p=$(median <"$work/psql.ms"); c=$(median <"$work/cold.ms"); k=$(median <"$work/cached.ms"); q=$(median <"$work/prisma.ms")
printf '%-34s %9s\n' "median of $rounds" "wall ms"
printf '%-34s %9s\n' "psql session replaying the files" "$p"
printf '%-34s %9s   %.2fx psql (target <= 1.5)\n' "godwit migrate dev (cold)" "$c" "$(awk -v a="$c" -v b="$p" 'BEGIN{print a/b}')"
printf '%-34s %9s   (target <= 1000 ms)\n' "godwit migrate dev (cached)" "$k"
printf '%-34s %9s   %.1fx godwit cold, %.0fx godwit cached (target >= 10)\n' "prisma migrate dev" "$q" \
  "$(awk -v a="$q" -v b="$c" 'BEGIN{print a/b}')" "$(awk -v a="$q" -v b="$k" 'BEGIN{print a/b}')"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
