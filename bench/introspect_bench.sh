#!/usr/bin/env bash
# Reading a live database, godwit against the real Prisma 7.10.1 (offline oracle) in the same
# run, rounds alternating the tools, on a throwaway PostgreSQL 15:
#   empty-to-db  `migrate diff --from-empty --to-url <db> --script` (godwit) and
#                `--to-config-datasource` (Prisma): the whole database as a creation script
#   drift-check  `migrate diff --from-config-datasource --to-schema schema.prisma --script`: the
#                release scripts' drift check (the database against the schema)
#   pull         `db pull --print`: the database as a Prisma schema (from a schema holding
#                only the datasource block, as for a first pull)
# on trigger.dev's `database` history (820 migrations, ~250 tables, deployed once by godwit),
# and drift-check-gen: drift-check on a generated 500-model schema (bench/render_gen_schema.py)
# whose database was made from its own creation script. Targets (issue 9): >= 10x faster than
# Prisma, and <= 200 ms for the 500 models. Per tool and case the median and minimum wall time,
# the median user+sys CPU time (GNU time; Prisma's includes node and its schema engine), the
# speed-up on medians and whether both tools printed the same bytes.
#
#   bench/introspect_bench.sh [GODWIT_BINARY]        (default: build/godwit)
#   ROUNDS=9 bench/introspect_bench.sh build/godwit
# Env: ROUNDS (default 7), GODWIT_PRISMA_ORACLE (default ~/.cache/prisma-oracle/prisma),
#      HISTORY (corpus folder; default triggerdotdev__trigger.dev/database), MODELS (default 500).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
godwit="${1:-$root/build/godwit}"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
corpus="${GODWIT_CORPUS_DIR:-$root/../shared/corpus}"
history="${HISTORY:-triggerdotdev__trigger.dev/database}"
rounds="${ROUNDS:-7}"
models="${MODELS:-500}"
[ -x "$godwit" ] || { echo "no godwit binary at $godwit" >&2; exit 1; }
[ -x "$prisma" ] || { echo "no Prisma oracle at $prisma" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/introspect-bench.XXXXXX")"
chmod 755 "$work"  # the server runs as postgres when started as root
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
pg="$("$root/scripts/pg-cluster" start "$work/pg")"
psql -X -q -d "$pg" -c 'CREATE DATABASE bench' -c 'CREATE DATABASE bench_gen'
url="${pg%/*}/bench"
url_gen="${pg%/*}/bench_gen"

# The project both tools read: Prisma 7 takes the URL from prisma.config.ts only, and rejects
# url lines and the `metrics` preview feature in the schema.
mkdir -p "$work/project"
sed -E '/^[[:space:]]*(url|directUrl|shadowDatabaseUrl)[[:space:]]*=/d;
        s/"metrics",[[:space:]]*//; s/,[[:space:]]*"metrics"//; s/\["metrics"\]/[]/' \
  "$corpus/$history/schema.prisma" >"$work/project/schema.prisma"
cp -r "$corpus/$history/migrations" "$work/project/migrations"
config() {
  cat >"$1/prisma.config.ts" <<'EOF'
export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL as string },
}
EOF
}
config "$work/project"
export NO_COLOR=1
(cd "$work/project" && DATABASE_URL="$url" "$godwit" migrate deploy >/dev/null)
mkdir -p "$work/project_pull"
printf 'datasource db {\n  provider = "postgresql"\n}\n' >"$work/project_pull/schema.prisma"
config "$work/project_pull"
# The generated schema's database, made from godwit's creation script (the same bytes as
# Prisma's: bench/diff_vs_prisma.sh checks that).
mkdir -p "$work/project_gen"
python3 "$root/bench/render_gen_schema.py" "$models" >"$work/project_gen/schema.prisma"
config "$work/project_gen"
"$godwit" migrate diff --from-empty --to-schema "$work/project_gen/schema.prisma" --script |
  psql -X -q -v ON_ERROR_STOP=1 -d "$url_gen" >/dev/null
tables="$(psql -X -A -t -d "$url" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')")"

# run <label> <command...>: one timed run appended to $work/times.<label> ("wall_ms cpu_ms").
run() {
  local label="$1" start end
  shift
  start=$EPOCHREALTIME
  /usr/bin/time -f "%U %S" -o "$work/t" "$@" >"$work/out.$label" 2>/dev/null || true
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" '{ printf "%.1f %.1f\n", (e - s) * 1000, ($1 + $2) * 1000 }' \
    "$work/t" >>"$work/times.$label"
}
stat() {  # <label> <column> <median|min>
  cut -d' ' -f"$2" "$work/times.$1" | sort -n |
    awk -v w="$3" '{ v[NR] = $1 } END { print (w == "min" ? v[1] : v[int((NR + 1) / 2)]) }'
}

for _ in $(seq "$rounds"); do
  cd "$work/project"
  export DATABASE_URL="$url"
  run godwit.empty-to-db "$godwit" migrate diff --from-empty --to-url "$url" --script
  run prisma.empty-to-db "$prisma" migrate diff --from-empty --to-config-datasource --script
  run godwit.drift-check "$godwit" migrate diff --from-config-datasource --to-schema schema.prisma --script
  run prisma.drift-check "$prisma" migrate diff --from-config-datasource --to-schema schema.prisma --script
  cd "$work/project_pull"
  run godwit.pull "$godwit" db pull --print
  run prisma.pull "$prisma" db pull --print
  cd "$work/project_gen"
  export DATABASE_URL="$url_gen"
  run godwit.drift-check-gen "$godwit" migrate diff --from-config-datasource --to-schema schema.prisma --script
  run prisma.drift-check-gen "$prisma" migrate diff --from-config-datasource --to-schema schema.prisma --script
done
echo "history: $history ($tables tables); generated: $models models; rounds: $rounds"
printf '%-16s %-7s %10s %10s %9s %9s %5s\n' case tool "median ms" "min ms" "cpu ms" speed-up same
for c in empty-to-db drift-check pull drift-check-gen; do
  same=no
  cmp -s "$work/out.godwit.$c" "$work/out.prisma.$c" && same=yes
  gm="$(stat "godwit.$c" 1 median)" pm="$(stat "prisma.$c" 1 median)"
  up="$(awk -v g="$gm" -v p="$pm" 'BEGIN { printf "%.1fx", p / g }')"
  printf '%-16s %-7s %10s %10s %9s %9s %5s\n' "$c" godwit "$gm" "$(stat "godwit.$c" 1 min)" \
    "$(stat "godwit.$c" 2 median)" "$up" "$same"
  printf '%-16s %-7s %10s %10s %9s\n' "" prisma "$pm" "$(stat "prisma.$c" 1 min)" \
    "$(stat "prisma.$c" 2 median)"
done
