#!/usr/bin/env bash
# Regenerates the cases of tests/golden/view_format_golden_test.cpp with the real Prisma 7.10.1
# (the oracle): `prisma db pull` with the "views" preview feature writes each view's SQL to
# prisma/views/<schema>/<view>.sql. For each view:
#   <case>.sql       what PostgreSQL returns: `SELECT definition FROM pg_views` (byte for byte)
#   <case>.expected  the file Prisma wrote for that view (byte for byte)
# The views:
#   - views.psql (tables, then one CREATE VIEW per case; the case is named after its view)
#   - the views of the langfuse corpus history, each version: the history is replayed with psql
#     file by file in name order, and after each migration that creates a view the database is
#     copied and pulled (langfuse__<migration timestamp>__<view>.{sql,expected})
# Needs a PostgreSQL server: GODWIT_TEST_PG_URL (a superuser URL), else one is started with
# scripts/pg-cluster for the run. Oracle: GODWIT_PRISMA_ORACLE or ~/.cache/prisma-oracle/prisma.
# Usage: make_expected.sh [views|langfuse ...] (default: both)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="$root/../shared/corpus"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
work="$(mktemp -d "${TMPDIR:-/tmp}/view-format-expected.XXXXXX")"
cleanup() {
  [ -n "${started_pg:-}" ] && "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
pg="${GODWIT_TEST_PG_URL:-}"
if [ -z "$pg" ]; then
  pg="$(GODWIT_PG_FAST=1 "$root/scripts/pg-cluster" start "$work/pg")"
  started_pg=1
fi
base="${pg%/*}"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(views langfuse)

fresh_db() {
  psql -X -q -d "$pg" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 ${2:-}" \
    2>/dev/null
}

# Pulls database $1 with Prisma and stores each public view as case <prefix><view>; a view whose
# definition was already stored under this prefix (an unchanged view of a later snapshot) is
# skipped.
pull_views() {
  local db="$1" prefix="$2" proj="$work/proj_$1"
  rm -rf "$proj" && mkdir -p "$proj/prisma"
  printf "export default { schema: 'prisma/schema.prisma', datasource: { url: '%s' } }\n" \
    "$base/$db" >"$proj/prisma.config.ts"
  cat >"$proj/prisma/schema.prisma" <<'SCHEMA'
generator client {
  provider        = "prisma-client"
  output          = "./gen"
  previewFeatures = ["views"]
}

datasource db {
  provider = "postgresql"
}
SCHEMA
  (cd "$proj" && NO_COLOR=1 "$prisma" db pull >"$proj/pull.log" 2>&1) || {
    cat "$proj/pull.log" >&2
    return 1
  }
  local view
  psql -X -At -d "$base/$db" -c "SELECT viewname FROM pg_views WHERE schemaname = 'public'
    ORDER BY viewname" | while IFS= read -r view; do
    # Prisma names the file after the view's model name: characters other than letters, digits
    # and underscores become underscores (one per character, hence the UTF-8 locale).
    local model
    model="$(printf '%s' "$view" | LC_ALL=C.UTF-8 sed 's/[^A-Za-z0-9_]/_/g')"
    local case="$prefix$model"
    # base64 keeps the definition's bytes exact (psql would add a line break).
    # (-c does not interpolate psql variables, stdin does.)
    printf "%s\n" "SELECT encode(convert_to(definition, 'UTF8'), 'base64') FROM pg_views" \
      "WHERE schemaname = 'public' AND viewname = :'view';" |
      psql -X -At -d "$base/$db" -v view="$view" | base64 -d >"$work/definition"
    if [ -n "$prefix" ] && grep -qxF "$(sha1sum <"$work/definition" | cut -c1-40)" \
      "$work/seen_$prefix" 2>/dev/null; then
      continue
    fi
    sha1sum <"$work/definition" | cut -c1-40 >>"$work/seen_$prefix"
    cp "$work/definition" "$here/$case.sql"
    cp "$proj/prisma/views/public/$model.sql" "$here/$case.expected"
    echo "view_format/$case.{sql,expected}"
  done
}

for part in "${parts[@]}"; do
  case "$part" in
  views)
    fresh_db view_format
    psql -X -q -v ON_ERROR_STOP=1 -d "$base/view_format" -f "$here/views.psql" >/dev/null
    pull_views view_format ""
    ;;
  langfuse)
    fresh_db view_format_lf
    for dir in "$corpus"/langfuse__langfuse/migrations/*/; do
      migration="$(basename "$dir")"
      psql -X -q -v ON_ERROR_STOP=1 -d "$base/view_format_lf" -f "$dir/migration.sql" \
        >/dev/null 2>"$work/psql.err" || {
        cat "$work/psql.err" >&2
        exit 1
      }
      if grep -qiE 'create( or replace)? view' "$dir/migration.sql"; then
        fresh_db view_format_snap "TEMPLATE view_format_lf"
        pull_views view_format_snap "langfuse__${migration%%_*}__"
      fi
    done
    ;;
  *) echo "unknown part: $part (views, langfuse)" >&2 && exit 2 ;;
  esac
done
