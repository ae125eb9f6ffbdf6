#!/usr/bin/env bash
# Writes the format goldens' expected outputs with the real Prisma CLI (`prisma format`):
# tests/golden/psl/format/<case>/{input.prisma,expected.prisma}.
#
# - Corpus cases (corpus_<name>): input.prisma is a copy of the corpus schema with the lines
#   Prisma 7 refuses stripped (`url`/`directUrl`/`shadowDatabaseUrl` in the datasource, and the
#   removed "metrics" preview feature), since `prisma format` writes nothing for a schema that
#   does not validate; teable's template.prisma gets its `{{PRISMA_PROVIDER}}` placeholder
#   filled with "postgresql" for the same reason.
# - Hand-written cases: input.prisma is kept as is.
# expected.prisma is what `prisma format` wrote. The golden test (psl_format_golden_test)
# checks that godwit produces the same bytes.
#
# Usage: tests/golden/psl/make_format_goldens.sh [ORACLE_DIR] [CORPUS_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle="${1:-$HOME/.cache/prisma-oracle}"
corpus="${2:-$here/../../../../shared/corpus}"
prisma="$oracle/prisma"
[ -x "$prisma" ] || { echo "no Prisma oracle at $oracle" >&2; exit 2; }

strip_for_prisma7() {
  grep -v -E '^[[:space:]]*(url|directUrl|shadowDatabaseUrl)[[:space:]]*=' "$1" |
    sed -E -e 's/"metrics",[[:space:]]*//' -e 's/,[[:space:]]*"metrics"//' -e 's/\["metrics"\]/[]/' \
      -e 's/\{\{PRISMA_PROVIDER\}\}/postgresql/'
}

# Corpus schemas -> corpus_<owner__repo[_sub]> cases.
while IFS= read -r f; do
  rel="${f#$corpus/}"
  name="corpus_$(echo "${rel%.prisma}" | sed -e 's#/schema$##' -e 's#[/.]#_#g')"
  mkdir -p "$here/format/$name"
  strip_for_prisma7 "$f" > "$here/format/$name/input.prisma"
done < <(find "$corpus" -name '*.prisma' | sort)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for dir in "$here"/format/*/; do
  work="$tmp/work"
  rm -rf "$work" && mkdir -p "$work"
  cp "$dir/input.prisma" "$work/schema.prisma"
  echo "export default { schema: 'schema.prisma' }" > "$work/prisma.config.ts"
  if (cd "$work" && NO_COLOR=1 "$prisma" format --schema schema.prisma) > "$work/out.txt" 2>&1; then
    cp "$work/schema.prisma" "$dir/expected.prisma"
    echo "ok   $(basename "$dir")"
  else
    echo "FAIL $(basename "$dir") (prisma format refused; see below)"
    cat "$work/out.txt"
  fi
done
