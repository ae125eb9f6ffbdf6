#!/usr/bin/env bash
# godwit migrate lint vs squawk (the npm package squawk-cli) on the PostgreSQL histories of
# ../shared/corpus, in the same run:
#   1. findings per squawk rule next to the godwit code that covers it (docs/lint.md, "Side by
#      side with squawk"), with how many findings of each sit in the same file;
#   2. throughput: statements per second over the whole corpus, each tool run ROUNDS times
#      alternately (median wall time, and median CPU time), one process per tool for all
#      files. godwit lints on as many threads as there are cores; squawk uses one.
# Usage: bench/lint_vs_squawk.sh [GODWIT_BINARY]   (default: build/godwit)
# Env:   ROUNDS (default 7), SQUAWK_DIR (default /tmp/squawk; squawk-cli is installed there from
#        the npm registry when missing), CORPUS (default ../shared/corpus).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
godwit="${1:-$root/build/godwit}"
rounds="${ROUNDS:-7}"
corpus="${CORPUS:-$root/../shared/corpus}"
squawk_dir="${SQUAWK_DIR:-/tmp/squawk}"
squawk="$squawk_dir/node_modules/@squawk-cli/linux-x64/bin/squawk"
if [ ! -x "$squawk" ]; then
  npm install --silent --prefix "$squawk_dir" squawk-cli@2.66.0 >&2
fi
[ -x "$godwit" ] || { echo "no godwit binary at $godwit" >&2; exit 1; }
godwit="$(realpath "$godwit")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$corpus"
dirs=()
while IFS= read -r lock; do
  grep -q 'provider = "postgresql"' "$lock" && dirs+=("$(dirname "$lock")")
done < <(find . -name migration_lock.toml | sed 's|^\./||' | sort)
files=()
while IFS= read -r f; do files+=("$f"); done < <(find "${dirs[@]}" -name migration.sql | sort)

# Findings: godwit with its design rules (group E), as squawk's defaults include its own; squawk's
# opt-in require-table-schema is off, and so is godwit's unqualified-object.
"$godwit" migrate lint "${dirs[@]}" --include design --json > "$work/godwit.json" || true
"$squawk" --reporter json "${files[@]}" > "$work/squawk.json" || true
statements="$(jq .statements "$work/godwit.json")"

# Throughput: alternate the two tools, keep each one's median wall time.
for ((i = 0; i < rounds; i++)); do
  for tool in godwit squawk; do
    if [ "$tool" = godwit ]; then
      cmd=("$godwit" migrate lint "${dirs[@]}" --include design --json)
    else
      cmd=("$squawk" --reporter json "${files[@]}")
    fi
    # wall clock in microseconds (bash's clock: GNU time's %e counts in 10 ms steps, a seventh
    # of a run) and CPU (user + system) of one run; time's own start-up is in both tools' wall
    start="${EPOCHREALTIME//[.,]/}"
    /usr/bin/time -o "$work/t" -f "%U %S" "${cmd[@]}" > /dev/null || true
    end="${EPOCHREALTIME//[.,]/}"
    tail -1 "$work/t" | awk -v wall=$((end - start)) '{printf "%d %d\n", wall, ($1 + $2) * 1000000}' >> "$work/$tool.times"
  done
done
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
g_us="$(median "$work/godwit.times" 1)"
s_us="$(median "$work/squawk.times" 1)"
g_cpu="$(median "$work/godwit.times" 2)"
s_cpu="$(median "$work/squawk.times" 2)"

python3 - "$work" "$statements" "$g_us" "$s_us" "${#files[@]}" "$g_cpu" "$s_cpu" "$rounds" <<'EOF'
import json, sys, collections
work, statements, g_us, s_us, nfiles, g_cpu, s_cpu, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
sq = json.load(open(f"{work}/squawk.json"))
gw = json.load(open(f"{work}/godwit.json"))["findings"]
# squawk rule -> the godwit code(s) covering it (docs/lint.md lists the same mapping).
mapping = {
    "require-concurrent-index-creation": ["index-create-not-concurrent"],
    "require-concurrent-index-deletion": ["index-drop-not-concurrent"],
    "ban-concurrent-index-creation-in-transaction": ["concurrent-op-in-transaction"],
    "require-concurrent-reindex": ["reindex-not-concurrent"],
    "require-concurrent-partition-detach": ["detach-partition-not-concurrent"],
    "prefer-repack": ["vacuum-full-or-cluster"],
    "disallowed-unique-constraint": ["unique-constraint-direct"],
    "adding-serial-primary-key-field": ["primary-key-direct"],
    "adding-foreign-key-constraint": ["foreign-key-validated-inline"],
    "constraint-missing-not-valid": ["foreign-key-validated-inline", "check-constraint-validated-inline", "unique-constraint-direct", "validate-in-same-tx"],
    "adding-not-nullable-field": ["set-not-null-scan"],
    "adding-field-with-default": ["add-column-volatile-default", "add-stored-generated-column"],
    "changing-column-type": ["column-type-change"],
    "ban-create-domain-with-constraint": ["domain-constraint"],
    "ban-alter-domain-with-add-constraint": ["domain-constraint"],
    "require-lock-timeout": ["missing-lock-timeout"],
    "require-statement-timeout": ["missing-statement-timeout"],
    "require-timeout-settings": ["missing-lock-timeout", "missing-statement-timeout"],
    "ban-drop-table": ["drop-table"],
    "ban-drop-column": ["drop-column"],
    "ban-drop-database": ["drop-schema-or-database"],
    "ban-truncate-cascade": ["truncate-cascade"],
    "renaming-column": ["rename-column"],
    "renaming-table": ["rename-table"],
    "require-enum-value-ordering": ["enum-add-value-unordered"],
    "ban-drop-not-null": ["drop-not-null"],
    "adding-required-field": ["add-required-column"],
    "transaction-nesting": ["transaction-nesting"],
    "ban-uncommitted-transaction": ["uncommitted-transaction"],
    "prefer-robust-stmts": ["non-idempotent-stmt"],
    "ban-duplicate-column-assignments": ["duplicate-column-assignment"],
    "identifier-too-long": ["identifier-too-long"],
    "require-table-schema": ["unqualified-object"],
    "prefer-bigint-over-int": ["prefer-bigint"],
    "prefer-bigint-over-smallint": ["prefer-bigint"],
    "prefer-identity": ["prefer-identity"],
    "prefer-text-field": ["prefer-text"],
    "ban-char-field": ["ban-char"],
    "prefer-timestamp-tz": ["prefer-timestamptz"],
    "unused-ignore": ["unused-ignore"],
}
sq_files = collections.defaultdict(set)
sq_count = collections.Counter()
for f in sq:
    sq_count[f["rule_name"]] += 1
    sq_files[f["rule_name"]].add(f["file"])
gw_count = collections.Counter(f["code"] for f in gw)
gw_files = collections.defaultdict(set)
for f in gw:
    gw_files[f["code"]].add(f["file"])
print("| squawk rule | squawk | godwit code | godwit | files both / squawk only / godwit only |")
print("|---|---:|---|---:|---|")
for rule in sorted(mapping, key=lambda r: (-sq_count[r], r)):
    codes = mapping[rule]
    g = sum(gw_count[c] for c in codes)
    gf = set().union(*(gw_files[c] for c in codes))
    sf = sq_files[rule]
    print(f"| `{rule}` | {sq_count[rule]} | {', '.join('`'+c+'`' for c in codes)} | {g} | "
          f"{len(sf & gf)} / {len(sf - gf)} / {len(gf - sf)} |")
unmapped = sorted(set(sq_count) - set(mapping))
if unmapped:
    print("squawk rules without a mapping:", unmapped)
g_rate = statements / (g_us / 1e6)
s_rate = statements / (s_us / 1e6)
print()
print(f"files: {nfiles}, statements: {statements}")
print(f"medians of {rounds} alternating runs; wall clock (CPU = user + system)")
print(f"godwit: {g_us/1000:.0f} ms ({g_cpu/1000:.0f} ms CPU), {g_rate:,.0f} statements/s")
print(f"squawk: {s_us/1000:.0f} ms ({s_cpu/1000:.0f} ms CPU), {s_rate:,.0f} statements/s")
print(f"ratio (godwit / squawk statements per second, wall): {g_rate/s_rate:.2f}x")
print(f"ratio (CPU time squawk / godwit): {s_cpu/max(g_cpu,1):.2f}x")
EOF
