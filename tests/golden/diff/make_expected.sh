#!/usr/bin/env bash
# Regenerates the expected outputs of the diff golden cases with the REAL Prisma 7.10.1 CLI
# (tests/golden/prisma_oracle.sh). godwit never writes these files: tests/golden/
# diff_cases_test.cpp only compares against them.
#
#   tests/golden/diff/make_expected.sh [case ...]      (default: every case folder)
#
# For each case folder holding from.prisma and to.prisma, and each provider listed in its
# `providers` file (default: postgresql and sqlite), with both datasource providers rewritten:
#   <provider>.sql          prisma migrate diff --from-schema from.prisma --to-schema to.prisma \
#                             --script --exit-code
#   <provider>.exit_code    its exit code (0: no difference, 2: differences)
#   <provider>.summary.txt  the same without --script and --exit-code (the human summary)
# Any oracle error stops the script: a case must be valid for every provider it lists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../prisma_oracle.sh
. "$here/../prisma_oracle.sh"

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do [ -f "$d/from.prisma" ] && cases+=("$(basename "$d")"); done
fi

for c in "${cases[@]}"; do
  dir="$here/$c"
  providers="postgresql sqlite"
  [ -f "$dir/providers" ] && providers="$(cat "$dir/providers")"
  for p in $providers; do
    echo "diff case $c ($p)" >&2
    work="$(mktemp -d "${TMPDIR:-/tmp}/diff-expected.XXXXXX")"
    oracle_with_provider "$dir/from.prisma" "$work/from.prisma" "$p"
    oracle_with_provider "$dir/to.prisma" "$work/to.prisma" "$p"
    oracle_migrate_diff "$work" to.prisma --from-schema from.prisma --to-schema to.prisma \
      --script --exit-code >"$dir/$p.sql.tmp"
    mv "$dir/$p.sql.tmp" "$dir/$p.sql"
    echo "$oracle_rc" >"$dir/$p.exit_code"
    oracle_migrate_diff "$work" to.prisma --from-schema from.prisma --to-schema to.prisma \
      >"$dir/$p.summary.txt.tmp"
    mv "$dir/$p.summary.txt.tmp" "$dir/$p.summary.txt"
    rm -rf "$work"
  done
done
