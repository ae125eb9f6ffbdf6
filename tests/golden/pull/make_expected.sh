#!/usr/bin/env bash
# Regenerates the expectations of tests/live/db_pull_test.cpp with the real Prisma 7.10.1 (the
# oracle), `prisma db pull --print --force` on:
#   - each corpus history deployed by `prisma migrate deploy` on a fresh database
#     -> <history, '/' as '__'>.prisma
#     and `prisma db pull --print` over the history's own schema (re-introspection)
#     -> <history, '/' as '__'>.repull.prisma, and its stderr -> .repull.stderr
#   - each case's database (cases/<case>/setup.sql run with psql or sqlite3; a case named
#     sqlite_* is SQLite, else PostgreSQL), with a schema holding only a generator and the
#     datasource (plus the lines of cases/<case>/datasource_lines, if any)
#     -> cases/<case>/expected.prisma
# The project holds the history's schema.prisma without url lines (Prisma 7 takes the URL from
# prisma.config.ts) and without the "metrics" preview feature, as the test writes it.
# Needs a PostgreSQL server: GODWIT_TEST_PG_URL (a superuser URL), else one is started with
# scripts/pg-cluster for the run. Oracle: GODWIT_PRISMA_ORACLE or ~/.cache/prisma-oracle/prisma.
# Usage: make_expected.sh [history-or-case ...] (default: all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="$root/../shared/corpus"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pull-expected.XXXXXX")"
cleanup() {
  [ -n "${started_pg:-}" ] && "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
pg="${GODWIT_TEST_PG_URL:-}"
if [ -z "$pg" ]; then
  pg="$("$root/scripts/pg-cluster" start "$work/pg")"
  started_pg=1
fi
base="${pg%/*}"

histories=(langfuse__langfuse triggerdotdev__trigger.dev/database
  triggerdotdev__trigger.dev/run-ops-database hoppscotch__hoppscotch umami-software__umami
  teableio__teable/postgres teableio__teable/sqlite Mintplex-Labs__anything-llm
  stonith404__pingvin-share)
cases=()
for d in "$here"/cases/*/; do cases+=("$(basename "$d")"); done
if [ $# -gt 0 ]; then
  histories=() cases=()
  for t in "$@"; do
    if [ -f "$here/cases/$t/setup.sql" ]; then cases+=("$t"); else histories+=("$t"); fi
  done
fi

for c in "${cases[@]}"; do
  dir="$here/cases/$c" proj="$work/case_$c" provider=postgresql
  [[ "$c" == sqlite_* ]] && provider=sqlite
  mkdir -p "$proj"
  extra=""
  [ -f "$dir/datasource_lines" ] && extra="$(cat "$dir/datasource_lines")"$'\n'
  printf 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "%s"\n%s}\n' \
    "$provider" "$extra" >"$proj/schema.prisma"
  cat >"$proj/prisma.config.ts" <<'CONFIG'
export default {
  schema: 'schema.prisma',
  datasource: { url: process.env.DATABASE_URL as string },
}
CONFIG
  if [ "$provider" = sqlite ]; then
    url="file:$proj/case.db"
    sqlite3 -bail "$proj/case.db" <"$dir/setup.sql"
  else
    psql -X -q -d "$pg" -c "DROP DATABASE IF EXISTS pull_expected WITH (FORCE)" \
      -c "CREATE DATABASE pull_expected" 2>/dev/null
    url="$base/pull_expected"
    psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$dir/setup.sql" >/dev/null
  fi
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" db pull --print --force) \
    >"$dir/expected.prisma"
  echo "pull/cases/$c/expected.prisma"
done

for h in "${histories[@]}"; do
  src="$corpus/$h" proj="$work/h_${h//\//__}" out="$here/${h//\//__}.prisma"
  mkdir -p "$proj"
  sed -E '/^\s*(url|directUrl|shadowDatabaseUrl)\s*=/d; s/, *"metrics"//; s/"metrics", *//' \
    "$src/schema.prisma" >"$proj/schema.prisma"
  cp -r "$src/migrations" "$proj/migrations"
  cat >"$proj/prisma.config.ts" <<'CONFIG'
export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL as string },
}
CONFIG
  if grep -q 'provider *= *"sqlite"' "$proj/schema.prisma"; then
    url="file:$proj/dev.db"
  else
    psql -X -q -d "$pg" -c "DROP DATABASE IF EXISTS pull_expected WITH (FORCE)" \
      -c "CREATE DATABASE pull_expected" 2>/dev/null
    url="$base/pull_expected"
  fi
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" migrate deploy >/dev/null)
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" db pull --print --force) >"$out"
  echo "pull/${h//\//__}.prisma"
  # Re-introspection over the history's own schema (its models kept).
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" db pull --print) \
    >"${out%.prisma}.repull.prisma" 2>"${out%.prisma}.repull.stderr"
  echo "pull/${h//\//__}.repull.{prisma,stderr}"
done
