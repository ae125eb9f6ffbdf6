#!/usr/bin/env bash
# Regenerates the Prisma-side expectations of the introspection tests with the real Prisma
# 7.10.1 (the oracle): `prisma migrate diff --from-empty --to-config-datasource --script` on
#   - each case's database (tests/golden/introspect/<case>/setup.sql, run with psql or sqlite3)
#     -> <case>/expected.<provider>.sql, and the summary (the same without --script)
#     -> <case>/summary.<provider>.txt
#   - each corpus history deployed by `prisma migrate deploy` on a fresh database
#     -> corpus/<history, '/' as '__'>.sql
# Needs a PostgreSQL server: GODWIT_TEST_PG_URL (a superuser URL), else one is started with
# scripts/pg-cluster for the run. Oracle: GODWIT_PRISMA_ORACLE or ~/.cache/prisma-oracle/prisma.
# Usage: make_expected.sh [case-or-history ...] (default: all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="$root/../shared/corpus"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
work="$(mktemp -d "${TMPDIR:-/tmp}/introspect-expected.XXXXXX")"
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

# A project folder for the oracle: schema.prisma (Prisma 7: no url lines) and a config that
# takes DATABASE_URL.
write_config() {
  cat >"$1/prisma.config.ts" <<'EOF'
export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL as string },
}
EOF
}

fresh_db() {  # name -> URL of a new empty database
  psql -X -q -d "$pg" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
  echo "$base/$1"
}

run_case() {
  local dir="$here/$1" provider=postgresql url proj="$work/case_$1"
  [ -f "$dir/provider" ] && provider="$(cat "$dir/provider")"
  mkdir -p "$proj"
  local schemas=""
  if [ -f "$dir/namespaces" ]; then
    schemas="  schemas  = [$(sed -E 's/([^ ]+)/"\1"/g; s/" "/", "/g' "$dir/namespaces" | tr -d '\n')]"
  fi
  : >"$proj/schema.prisma"
  if [ -f "$dir/preview_features" ]; then
    printf 'generator client {\n  provider = "prisma-client-js"\n  previewFeatures = [%s]\n}\n' \
      "$(sed -E 's/([^ ]+)/"\1"/g; s/" "/", "/g' "$dir/preview_features" | tr -d '\n')" \
      >>"$proj/schema.prisma"
  fi
  printf 'datasource db {\n  provider = "%s"\n%s\n}\n' "$provider" "$schemas" >>"$proj/schema.prisma"
  write_config "$proj"
  if [ -f "$dir/external_tables" ] || [ -f "$dir/external_enums" ]; then
    quoted() { [ -f "$1" ] && sed -E "s/([^ ]+)/'\\1'/g; s/' '/', '/g" "$1" | tr -d '\n'; true; }
    cat >"$proj/prisma.config.ts" <<EOF
export default {
  schema: 'schema.prisma',
  datasource: { url: process.env.DATABASE_URL as string },
  experimental: { externalTables: true },
  tables: { external: [$(quoted "$dir/external_tables")] },
  enums: { external: [$(quoted "$dir/external_enums")] },
}
EOF
  fi
  if [ "$provider" = postgresql ]; then
    url="$(fresh_db "introspect_expected_$1")"
    psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$dir/setup.sql" >/dev/null
  else
    url="file:$proj/case.db"
    sqlite3 -bail "$proj/case.db" <"$dir/setup.sql"
  fi
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" migrate diff --from-empty \
    --to-config-datasource --script) >"$dir/expected.$provider.sql"
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" migrate diff --from-empty \
    --to-config-datasource) >"$dir/summary.$provider.txt"
  echo "introspect/$1/expected.$provider.sql, summary.$provider.txt"
}

run_history() {
  local h="$1" src="$corpus/$1" out="$here/corpus/${1//\//__}.sql" proj="$work/h_${1//\//__}" url
  mkdir -p "$proj" "$here/corpus"
  sed -E '/^\s*(url|directUrl|shadowDatabaseUrl)\s*=/d; s/, *"metrics"//; s/"metrics", *//' "$src/schema.prisma" \
    >"$proj/schema.prisma"
  cp -r "$src/migrations" "$proj/migrations"
  write_config "$proj"
  if grep -q 'provider *= *"sqlite"' "$proj/schema.prisma"; then
    url="file:$proj/dev.db"
  else
    url="$(fresh_db "introspect_expected_h")"
  fi
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" migrate deploy >/dev/null)
  (cd "$proj" && DATABASE_URL="$url" NO_COLOR=1 "$prisma" migrate diff --from-empty \
    --to-config-datasource --script) >"$out"
  echo "introspect/corpus/${1//\//__}.sql"
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for d in "$here"/*/; do
    [ -f "$d/setup.sql" ] && targets+=("$(basename "$d")")
  done
  targets+=("${histories[@]}")
fi
for t in "${targets[@]}"; do
  if [ -f "$here/$t/setup.sql" ]; then run_case "$t"; else run_history "$t"; fi
done
