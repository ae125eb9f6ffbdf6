#!/usr/bin/env bash
# Regenerates the expectations of tests/live/db_pull_test.cpp's re-introspection cases with the
# real Prisma 7.10.1 (the oracle): for each <case>/ here, <case>/setup.sql is run on a fresh
# database (psql, or sqlite3 for a case named sqlite_*), <case>/schema.prisma (the schema
# being re-pulled, with its models) is copied into a project with a prisma.config.ts, and
#   prisma db pull --print   -> <case>/expected.prisma (stdout)
#                            -> <case>/expected.stderr (stderr: the config line, the warnings)
# A case named *views* (the views preview feature) starts with a views folder beside the schema
# holding a stale view file and a README.md; what `db pull --print` leaves in that folder (it
# writes the views' SQL there, with --print too) -> <case>/expected_views/.
# Needs a PostgreSQL server: GODWIT_TEST_PG_URL (a superuser URL), else one is started with
# scripts/pg-cluster for the run. Oracle: GODWIT_PRISMA_ORACLE or ~/.cache/prisma-oracle/prisma.
# Usage: make_expected.sh [case ...] (default: all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
work="$(mktemp -d "${TMPDIR:-/tmp}/repull-expected.XXXXXX")"
cleanup() {
  [ -n "${started_pg:-}" ] && "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do cases+=("$(basename "$d")"); done
fi
pg="${GODWIT_TEST_PG_URL:-}"
if [ -z "$pg" ]; then
  pg="$("$root/scripts/pg-cluster" start "$work/pg")"
  started_pg=1
fi
base="${pg%/*}"

for c in "${cases[@]}"; do
  dir="$here/$c" proj="$work/$c"
  mkdir -p "$proj"
  cp "$dir/schema.prisma" "$proj/schema.prisma"
  cat >"$proj/prisma.config.ts" <<'CONFIG'
export default {
  schema: 'schema.prisma',
  datasource: { url: process.env.DATABASE_URL as string },
}
CONFIG
  if [[ "$c" == sqlite_* ]]; then
    url="file:$proj/case.db"
    sqlite3 -bail "$proj/case.db" <"$dir/setup.sql"
  else
    psql -X -q -d "$pg" -c "DROP DATABASE IF EXISTS repull_expected WITH (FORCE)" \
      -c "CREATE DATABASE repull_expected" 2>/dev/null
    url="$base/repull_expected"
    psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$dir/setup.sql" >/dev/null
  fi
  if [[ "$c" == *views* ]]; then
    mkdir -p "$proj/views/stale"
    printf 'SELECT 1;' >"$proj/views/stale/old.sql"
    printf 'kept\n' >"$proj/views/README.md"
  fi
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" db pull --print) \
    >"$dir/expected.prisma" 2>"$dir/expected.stderr"
  echo "pull/repull/$c/expected.{prisma,stderr}"
  if [[ "$c" == *views* ]]; then
    rm -rf "$dir/expected_views"
    cp -r "$proj/views" "$dir/expected_views"
    echo "pull/repull/$c/expected_views/"
  fi
done
