#!/usr/bin/env bash
# Introspection: `migrate diff --from-empty --to-url <db> --script` (godwit) against
# `prisma migrate diff --from-empty --to-config-datasource --script` (the real Prisma 7.10.1,
# offline oracle) on the same database, in the same run: trigger.dev's `database` history (820
# migrations, ~250 tables) deployed once by godwit on a throwaway PostgreSQL 15. Rounds alternate
# the tools; per tool the median and minimum wall time and the median user+sys CPU time of the
# process (GNU time; Prisma's includes node and its schema engine). Also checks that both print
# the same bytes.
#
#   bench/introspect_bench.sh [GODWIT_BINARY]        (default: build/godwit)
#   ROUNDS=9 bench/introspect_bench.sh build/godwit
# Env: ROUNDS (default 7), GODWIT_PRISMA_ORACLE (default ~/.cache/prisma-oracle/prisma),
#      HISTORY (corpus folder; default triggerdotdev__trigger.dev/database).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
godwit="${1:-$root/build/godwit}"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
corpus="${GODWIT_CORPUS_DIR:-$root/../shared/corpus}"
history="${HISTORY:-triggerdotdev__trigger.dev/database}"
rounds="${ROUNDS:-7}"
[ -x "$godwit" ] || { echo "no godwit binary at $godwit" >&2; exit 1; }
[ -x "$prisma" ] || { echo "no Prisma oracle at $prisma" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/introspect-bench.XXXXXX")"
chmod 755 "$work"  # the server runs as postgres when started as root
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
pg="$("$root/scripts/pg-cluster" start "$work/pg")"
psql -X -q -d "$pg" -c 'CREATE DATABASE bench'
url="${pg%/*}/bench"

# The project both tools read: Prisma 7 takes the URL from prisma.config.ts only, and rejects
# url lines and the `metrics` preview feature in the schema.
mkdir -p "$work/project"
sed -E '/^[[:space:]]*(url|directUrl|shadowDatabaseUrl)[[:space:]]*=/d;
        s/"metrics",[[:space:]]*//; s/,[[:space:]]*"metrics"//; s/\["metrics"\]/[]/' \
  "$corpus/$history/schema.prisma" >"$work/project/schema.prisma"
cp -r "$corpus/$history/migrations" "$work/project/migrations"
cat >"$work/project/prisma.config.ts" <<'EOF'
export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL as string },
}
EOF
cd "$work/project"
export DATABASE_URL="$url" NO_COLOR=1
"$godwit" migrate deploy >/dev/null
tables="$(psql -X -A -t -d "$url" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')")"

# run <label> <command...>: one timed run appended to $work/times.<label> ("wall_ms cpu_ms").
run() {
  local label="$1" start end
  shift
  start=$EPOCHREALTIME
  /usr/bin/time -f "%U %S" -o "$work/t" "$@" >"$work/out.$label" 2>/dev/null
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" '{ printf "%.1f %.1f\n", (e - s) * 1000, ($1 + $2) * 1000 }' \
    "$work/t" >>"$work/times.$label"
}
stat() {  # <label> <column> <median|min>
  cut -d' ' -f"$2" "$work/times.$1" | sort -n |
    awk -v w="$3" '{ v[NR] = $1 } END { print (w == "min" ? v[1] : v[int((NR + 1) / 2)]) }'
}

for _ in $(seq "$rounds"); do
  run godwit "$godwit" migrate diff --from-empty --to-url "$url" --script
  run prisma "$prisma" migrate diff --from-empty --to-config-datasource --script
done
same=no
cmp -s "$work/out.godwit" "$work/out.prisma" && same=yes
gm="$(stat godwit 1 median)" gn="$(stat godwit 1 min)" gc="$(stat godwit 2 median)"
pm="$(stat prisma 1 median)" pn="$(stat prisma 1 min)" pc="$(stat prisma 2 median)"
echo "history: $history ($tables tables), rounds: $rounds, same output: $same"
printf '%-8s %12s %12s %12s\n' tool "median ms" "min ms" "cpu ms"
printf '%-8s %12s %12s %12s\n' godwit "$gm" "$gn" "$gc"
printf '%-8s %12s %12s %12s\n' prisma "$pm" "$pn" "$pc"
awk -v g="$gm" -v p="$pm" 'BEGIN { printf "speed-up (median wall): %.1fx\n", p / g }'
