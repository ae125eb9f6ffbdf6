#!/usr/bin/env bash
# Records the real Prisma CLI's verdict on every golden schema (tests/golden/psl/{invalid,valid}/*)
# in oracle_verdicts.tsv: case, prisma exit code, first error line ("-" when valid).
# The golden test psl_validate_golden_test checks that godwit rejects exactly these schemas.
#
# Usage: tests/golden/psl/make_oracle_verdicts.sh [ORACLE_DIR]   (default ~/.cache/prisma-oracle)
# Set ORACLE_LOG_DIR=dir to also keep Prisma's full output per case (for comparing messages).
# Prisma 7 rejects `url =` in datasource blocks; those lines are stripped from the copy given
# to Prisma (godwit accepts them, as Prisma 6 did).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle="${1:-$HOME/.cache/prisma-oracle}"
prisma="$oracle/prisma"
[ -x "$prisma" ] || { echo "no Prisma oracle at $oracle" >&2; exit 2; }
out="$here/oracle_verdicts.tsv"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf 'case\tprisma_exit\tfirst_error\n' > "$tmp/verdicts.tsv"
for dir in "$here"/invalid/*/ "$here"/valid/*/; do
  [ -f "$dir/schema.prisma" ] || continue
  kind="$(basename "$(dirname "$dir")")"
  name="$kind/$(basename "$dir")"
  work="$tmp/work"
  rm -rf "$work" && mkdir -p "$work"
  grep -v -E '^[[:space:]]*(url|directUrl|shadowDatabaseUrl)[[:space:]]*=' "$dir/schema.prisma" \
    > "$work/schema.prisma"
  echo "export default { schema: 'schema.prisma' }" > "$work/prisma.config.ts"
  set +e
  (cd "$work" && NO_COLOR=1 "$prisma" validate --schema schema.prisma) > "$work/out.txt" 2>&1
  code=$?
  set -e
  first="$(grep -m1 -E '^error: ' "$work/out.txt" | sed -e 's/^error: //' -e 's/\t/ /g' || true)"
  [ -n "$first" ] || first="-"
  printf '%s\t%s\t%s\n' "$name" "$code" "$first" >> "$tmp/verdicts.tsv"
  if [ -n "${ORACLE_LOG_DIR:-}" ]; then
    mkdir -p "$ORACLE_LOG_DIR/$kind"
    cp "$work/out.txt" "$ORACLE_LOG_DIR/$name.txt"
  fi
done
mv "$tmp/verdicts.tsv" "$out"
echo "wrote $out"
