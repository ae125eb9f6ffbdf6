#!/usr/bin/env bash
# Regenerates the expected outputs of the render golden cases with the REAL Prisma 7.10.1 CLI
# (the offline oracle, /work/shared/tools/prisma-oracle). godwit never writes these files:
# tests/golden/render_cases_test.cpp only compares against them.
#
#   tests/golden/render/make_expected.sh [case ...]      (default: every case folder)
#
# For each case folder holding schema.prisma, and each provider listed in its `providers`
# file (default: postgresql and sqlite), it writes
#   <provider>.sql          `prisma migrate diff --from-empty --to-schema schema.prisma --script`
#   <provider>.summary.txt  the same without --script (the human summary)
# with the datasource provider rewritten to <provider> (as oracle.sh does). Any oracle error
# stops the script: a case must be valid for every provider it lists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle_dir="${GODWIT_ORACLE_DIR:-$HOME/.cache/prisma-oracle}"
[ -x "$oracle_dir/oracle.sh" ] || {
  echo "no Prisma oracle in $oracle_dir (install: ../shared/tools/prisma-oracle/install.sh)" >&2
  exit 1
}

# Prints `migrate diff --from-empty --to-schema` for $1 (schema) with provider $2; extra args
# follow. Same steps as oracle.sh: provider rewritten in the datasource block, no database.
run_prisma() {
  local schema="$1" provider="$2"
  shift 2
  local work
  work="$(mktemp -d "${TMPDIR:-/tmp}/render-expected.XXXXXX")"
  awk -v p="$provider" '
    /^[[:space:]]*datasource[[:space:]]+[A-Za-z0-9_]+[[:space:]]*\{/ { inds=1 }
    inds && /^[[:space:]]*provider[[:space:]]*=/ { sub(/"[^"]*"/, "\"" p "\"") }
    inds && /\}/ { inds=0 }
    { print }' "$schema" >"$work/schema.prisma"
  printf "export default {\n  schema: 'schema.prisma',\n}\n" >"$work/prisma.config.ts"
  (cd "$work" && NO_COLOR=1 "$oracle_dir/prisma" migrate diff --from-empty \
    --to-schema schema.prisma "$@" 2>"$work/stderr.txt") || {
    cat "$work/stderr.txt" >&2
    rm -rf "$work"
    return 1
  }
  rm -rf "$work"
}

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do [ -f "$d/schema.prisma" ] && cases+=("$(basename "$d")"); done
fi

for c in "${cases[@]}"; do
  dir="$here/$c"
  providers="postgresql sqlite"
  [ -f "$dir/providers" ] && providers="$(cat "$dir/providers")"
  for p in $providers; do
    echo "render case $c ($p)" >&2
    "$oracle_dir/oracle.sh" "$dir/schema.prisma" "$p" >"$dir/$p.sql.tmp"
    mv "$dir/$p.sql.tmp" "$dir/$p.sql"
    run_prisma "$dir/schema.prisma" "$p" >"$dir/$p.summary.txt.tmp"
    mv "$dir/$p.summary.txt.tmp" "$dir/$p.summary.txt"
  done
done
