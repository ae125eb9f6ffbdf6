#!/usr/bin/env bash
# What the lock budget costs a deploy with nothing in its way (issue 10: lint + lock budget
# <= 5 % over the same deploy with both off): `godwit migrate deploy` of a whole history on a
# fresh database, with the lock budget (the default: SET lock_timeout with each migration's
# history row, the pre-check of lock holders, the blocker monitor's second connection, the
# tables read from each DDL statement's facts) and with `--no-lock-budget`, rounds alternating.
# Server: scripts/pg-cluster with default durability settings. Prints per mode the median and
# minimum wall time and the ratio.
#
# Usage: bench/lock_budget_overhead.sh [history]   (default: trigger.dev `database`)
# Env:   ROUNDS (default 7), GODWIT (default build/godwit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${GODWIT_CORPUS_DIR:-$root/../shared/corpus}"
rounds="${ROUNDS:-7}"
godwit="$(realpath "${GODWIT:-$root/build/godwit}")"
history="${1:-triggerdotdev__trigger.dev/database}"
dir="$corpus/$history"
[ -x "$godwit" ] || { echo "lock_budget_overhead: $godwit not built" >&2; exit 1; }
[ -d "$dir/migrations" ] || { echo "lock_budget_overhead: no history at $dir" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/godwit-lock-overhead.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
admin_url="$("$root/scripts/pg-cluster" start "$work/pg")"
base_url="${admin_url%/postgres}"
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$admin_url" -c "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "lock_budget_overhead: $history, $(ls -d "$dir"/migrations/*/ | wc -l) migrations, $rounds rounds, server $(q 'show server_version')"
: >"$work/budget"; : >"$work/off"
for round in $(seq 1 "$rounds"); do
  for mode in budget off; do
    db="lo_${mode}_${round}"
    q "CREATE DATABASE $db"
    flags=()
    [ "$mode" = off ] && flags=(--no-lock-budget)
    start=$(date +%s%N)
    "$godwit" migrate deploy --schema "$dir/schema.prisma" --url "$base_url/$db" "${flags[@]}" >"$work/out.log" 2>&1 \
      || { cat "$work/out.log" >&2; exit 1; }
    echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$work/$mode"
    q "DROP DATABASE $db"
  done
done
b=$(median <"$work/budget"); o=$(median <"$work/off")
printf 'lock budget   median %6s ms  min %6s ms\n' "$b" "$(sort -n "$work/budget" | head -1)"
printf 'no budget     median %6s ms  min %6s ms\n' "$o" "$(sort -n "$work/off" | head -1)"
awk -v b="$b" -v o="$o" 'BEGIN { printf "ratio (budget / off): %.3f\n", b / o }'
