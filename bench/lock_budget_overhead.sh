#!/usr/bin/env bash
# What lint + the lock budget cost a deploy with nothing in its way (issue 10: <= 5 % over the
# same deploy with both off): `godwit migrate deploy` of a whole history on a fresh database,
# with both on (the default: the pending migrations linted first; SET lock_timeout with each
# migration's history row, the pre-check of lock holders, the blocker monitor's second
# connection, the standby-lag check between migrations, the tables read from each DDL
# statement's facts) and with `--no-lint --no-lock-budget`, rounds alternating (the order
# within a round alternates too). Server: scripts/pg-cluster with default durability settings.
# Prints per mode the median and minimum wall time, the ratio of the medians, the median of
# the per-round ratios (each round's two runs are back to back, so a load change between
# rounds cancels out), and godwit's own CPU time per mode.
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

echo "lock_budget_overhead: $history, $(ls -d "$dir"/migrations/*/ | wc -l) migrations, $rounds rounds, load $(cut -d" " -f1-3 /proc/loadavg), server $(q 'show server_version')"
: >"$work/budget"; : >"$work/off"
for round in $(seq 1 "$rounds"); do
  order="budget off"
  [ $((round % 2)) -eq 0 ] && order="off budget"
  for mode in $order; do
    db="lo_${mode}_${round}"
    q "CREATE DATABASE $db"
    flags=()
    [ "$mode" = off ] && flags=(--no-lint --no-lock-budget)
    start=$(date +%s%N)
    /usr/bin/time -o "$work/cpu.txt" -f "%U %S" \
      "$godwit" migrate deploy --schema "$dir/schema.prisma" --url "$base_url/$db" "${flags[@]}" >"$work/out.log" 2>&1 \
      || { cat "$work/out.log" >&2; exit 1; }
    echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$work/$mode"
    tail -1 "$work/cpu.txt" | awk '{ printf "%d\n", ($1 + $2) * 1000 }' >>"$work/$mode.cpu"
    q "DROP DATABASE $db"
  done
done
b=$(median <"$work/budget"); o=$(median <"$work/off")
bc=$(median <"$work/budget.cpu"); oc=$(median <"$work/off.cpu")
printf 'lint + lock budget  median %6s ms  min %6s ms\n' "$b" "$(sort -n "$work/budget" | head -1)"
printf 'both off            median %6s ms  min %6s ms\n' "$o" "$(sort -n "$work/off" | head -1)"
awk -v b="$b" -v o="$o" 'BEGIN { printf "ratio of medians (on / off): %.3f\n", b / o }'
paste "$work/budget" "$work/off" | awk '{ print $1 / $2 }' >"$work/ratios"
printf 'per-round ratios: %s\n' "$(awk '{ printf "%.3f ", $1 }' "$work/ratios")"
printf 'median per-round ratio (on / off): %.3f\n' "$(median <"$work/ratios")"
# godwit's own CPU time (user + system): what lint and the budget cost the client, less
# sensitive to the machine's load than the wall time (the server's work is not in it).
printf 'godwit CPU median: on %s ms, off %s ms, ratio %s\n' "$bc" "$oc" \
  "$(awk -v b="$bc" -v o="$oc" 'BEGIN { printf "%.3f", b / o }')"
