#!/usr/bin/env bash
# Regenerates what the REAL Prisma 7.10.1 CLI prints for each rename case WITHOUT the rename
# (tests/golden/prisma_oracle.sh): Prisma has no --rename, so its script drops the old object
# and creates the new one. diff_renames_test.cpp checks that godwit without --rename prints the
# same bytes (the flag changes nothing unless given).
#
#   tests/golden/diff/renames/make_expected.sh [case ...]      (default: every case folder)
#
# Writes <case>/<provider>.prisma.sql: prisma migrate diff --from-schema from.prisma
# --to-schema to.prisma --script, for each provider in <case>/providers (default: postgresql
# and sqlite). The godwit-side expectations (<provider>.sql, with --rename) are written by the
# test itself under GODWIT_UPDATE_EXPECT=1 and reviewed by hand: Prisma has no equivalent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../prisma_oracle.sh
. "$here/../../prisma_oracle.sh"

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do [ -f "$d/from.prisma" ] && cases+=("$(basename "$d")"); done
fi

for c in "${cases[@]}"; do
  dir="$here/$c"
  providers="postgresql sqlite"
  [ -f "$dir/providers" ] && providers="$(cat "$dir/providers")"
  for p in $providers; do
    echo "rename case $c ($p), without the rename" >&2
    work="$(mktemp -d "${TMPDIR:-/tmp}/rename-expected.XXXXXX")"
    oracle_with_provider "$dir/from.prisma" "$work/from.prisma" "$p"
    oracle_with_provider "$dir/to.prisma" "$work/to.prisma" "$p"
    oracle_migrate_diff "$work" to.prisma --from-schema from.prisma --to-schema to.prisma \
      --script >"$dir/$p.prisma.sql.tmp"
    mv "$dir/$p.prisma.sql.tmp" "$dir/$p.prisma.sql"
    rm -rf "$work"
  done
done
