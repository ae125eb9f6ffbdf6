#!/usr/bin/env bash
# `migrate diff --from-empty --to-schema <schema> --script`: godwit vs the real Prisma 7.10.1
# CLI (offline oracle), same machine, same run, median wall time of RUNS process runs each.
# Also checks that both print the same bytes.
#
#   bench/diff_vs_prisma.sh [GODWIT_BINARY]          (default: build/godwit)
#   RUNS=7 bench/diff_vs_prisma.sh build-render/godwit
#
# Inputs: the largest corpus schema (trigger.dev `database`, 3,369 lines) and a generated
# 500-model schema (bench/render_gen_schema.py). Prisma 7 rejects `url`/`directUrl`/
# `shadowDatabaseUrl` and the `metrics` preview feature in a schema, so Prisma gets a copy
# without them (as the corpus README describes); godwit reads the original.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
godwit="${1:-$root/build/godwit}"
oracle="${GODWIT_ORACLE_DIR:-$HOME/.cache/prisma-oracle}/oracle.sh"
corpus="${GODWIT_CORPUS_DIR:-$root/../shared/corpus}"
runs="${RUNS:-5}"
[ -x "$godwit" ] || { echo "no godwit binary at $godwit" >&2; exit 1; }
[ -x "$oracle" ] || { echo "no Prisma oracle at $oracle" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/diff-vs-prisma.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cp "$corpus/triggerdotdev__trigger.dev/database/schema.prisma" "$work/trigger.prisma"
python3 "$root/bench/render_gen_schema.py" 500 postgresql >"$work/gen500.prisma"
for s in trigger gen500; do
  sed -E '/^[[:space:]]*(url|directUrl|shadowDatabaseUrl)[[:space:]]*=/d;
          s/"metrics",[[:space:]]*//; s/,[[:space:]]*"metrics"//; s/\["metrics"\]/[]/' \
    "$work/$s.prisma" >"$work/$s.prisma-for-prisma"
done

# measure <label> <command...>: runs the command $runs times (stdout to $work/out.<label>) and
# prints "<median wall ms> <median user+sys CPU ms>". Wall time from bash's $EPOCHREALTIME
# (microseconds; includes starting GNU time, ~0.5 ms), CPU time from GNU time (10 ms steps).
measure() {
  local label="$1"
  shift
  : >"$work/times.$label"
  local start end
  for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    /usr/bin/time -f "%U %S" -o "$work/t" "$@" >"$work/out.$label" 2>/dev/null
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" '{ printf "%.1f %.1f\n", (e - s) * 1000, ($1 + $2) * 1000 }' \
      "$work/t" >>"$work/times.$label"
  done
  local wall cpu
  wall="$(cut -d' ' -f1 "$work/times.$label" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  cpu="$(cut -d' ' -f2 "$work/times.$label" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  echo "$wall $cpu"
}

printf '%-22s %14s %14s %14s %14s %9s  %s\n' "schema" "godwit wall" "godwit cpu" \
  "prisma wall" "prisma cpu" "speed-up" "same output"
for s in trigger gen500; do
  read -r gw gc < <(measure "g-$s" "$godwit" migrate diff --from-empty --to-schema "$work/$s.prisma" --script)
  read -r pw pc < <(measure "p-$s" "$oracle" "$work/$s.prisma-for-prisma" postgresql)
  same="no"
  cmp -s "$work/out.g-$s" "$work/out.p-$s" && same="yes"
  name="$([ "$s" = trigger ] && echo "trigger.dev database" || echo "generated 500 models")"
  printf '%-22s %11s ms %11s ms %11s ms %11s ms %8sx  %s\n' "$name" "$gw" "$gc" "$pw" "$pc" \
    "$(awk -v g="$gw" -v p="$pw" 'BEGIN { printf "%.0f", p / g }')" "$same"
done
echo "(median of $runs runs each; speed-up = wall-time ratio; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs)"
