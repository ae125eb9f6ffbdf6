#!/usr/bin/env bash
# Regenerates the expected outputs of the render golden cases with the REAL Prisma 7.10.1 CLI
# (tests/golden/prisma_oracle.sh). godwit never writes these files:
# tests/golden/render_cases_test.cpp only compares against them.
#
#   tests/golden/render/make_expected.sh [case ...]      (default: every case folder)
#
# For each case folder holding schema.prisma, and each provider listed in its `providers`
# file (default: postgresql and sqlite), it writes
#   <provider>.sql          `prisma migrate diff --from-empty --to-schema schema.prisma --script`
#   <provider>.summary.txt  the same without --script (the human summary)
# with the datasource provider rewritten to <provider>. Any oracle error stops the script: a
# case must be valid for every provider it lists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../prisma_oracle.sh
. "$here/../prisma_oracle.sh"

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
    work="$(mktemp -d "${TMPDIR:-/tmp}/render-expected.XXXXXX")"
    oracle_with_provider "$dir/schema.prisma" "$work/schema.prisma" "$p"
    oracle_migrate_diff "$work" schema.prisma --from-empty --to-schema schema.prisma --script \
      >"$dir/$p.sql.tmp"
    mv "$dir/$p.sql.tmp" "$dir/$p.sql"
    oracle_migrate_diff "$work" schema.prisma --from-empty --to-schema schema.prisma \
      >"$dir/$p.summary.txt.tmp"
    mv "$dir/$p.summary.txt.tmp" "$dir/$p.summary.txt"
    rm -rf "$work"
  done
done
