#!/usr/bin/env bash
# Backup + verify of a PostgreSQL database with godwit against the same work by hand, in the
# same run (issue 10: within 1.2x of `pg_dump -Fc` + `pg_restore`):
#   godwit:  godwit backup create; godwit backup verify latest
#   by hand: pg_dump -Fc -f X; createdb S; pg_restore --single-transaction --no-owner -d S X;
#            dropdb S
# godwit also reads the manifest (history, schema, exact row counts) in the dump's snapshot,
# hashes the file, and in verify counts the restored rows and compares the schema.
#
# Usage: bench/backup_verify.sh ADMIN_URL [SIZE_MB=1024] [ROUNDS=3]
#   ADMIN_URL: a superuser URL, e.g. from `scripts/pg-cluster start /tmp/bench-pg`; a database
#   bench_backup_<pid> is created (SIZE_MB of table data in three tables with indexes) and dropped.
#   GODWIT: the binary (default build/godwit).
set -euo pipefail
admin="${1:?usage: bench/backup_verify.sh ADMIN_URL [SIZE_MB] [ROUNDS]}"
size_mb="${2:-1024}"
rounds="${3:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
godwit="${GODWIT:-$root/build/godwit}"
db="bench_backup_$$"
url="${admin%/*}/$db"
work="$(mktemp -d)"
cleanup() {
  psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS ${db}_hand WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

psql -X -q -d "$admin" -c "CREATE DATABASE $db"
mkdir -p "$work/prisma/migrations/20240101000000_init"
printf 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n' \
  >"$work/prisma/schema.prisma"
printf 'provider = "postgresql"\n' >"$work/prisma/migrations/migration_lock.toml"
# ~1 KB of payload per row in "Event"; the other two tables are smaller.
rows=$((size_mb * 1024 * 8 / 10))
cat >"$work/prisma/migrations/20240101000000_init/migration.sql" <<SQL
CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "email" TEXT NOT NULL UNIQUE, "name" TEXT);
CREATE TABLE "Event" ("id" BIGSERIAL PRIMARY KEY, "userId" INTEGER NOT NULL REFERENCES "User"("id"),
  "kind" TEXT NOT NULL, "payload" TEXT NOT NULL, "at" TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX "Event_userId_at_idx" ON "Event"("userId", "at");
CREATE TABLE "Tag" ("id" SERIAL PRIMARY KEY, "eventId" BIGINT NOT NULL REFERENCES "Event"("id"), "label" TEXT NOT NULL);
INSERT INTO "User" ("email", "name") SELECT 'u' || g || '@example.com', md5(g::text) FROM generate_series(1, 100000) g;
INSERT INTO "Event" ("userId", "kind", "payload")
  SELECT 1 + (g % 100000), 'k' || (g % 17), repeat(md5(g::text), 30) FROM generate_series(1, $rows) g;
INSERT INTO "Tag" ("eventId", "label") SELECT g, 't' || (g % 100) FROM generate_series(1, $rows / 4) g;
SQL
cd "$work"
export DATABASE_URL="$url"
echo "loading ${size_mb} MB ..." >&2
"$godwit" migrate deploy >/dev/null 2>&1
psql -X -A -t -d "$url" -c "VACUUM ANALYZE" >/dev/null
echo "database size: $(psql -X -A -t -d "$url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"

now() { date +%s.%N; }
g_times=(); h_times=()
for r in $(seq "$rounds"); do
  t0=$(now)
  "$godwit" backup create >/dev/null 2>&1
  "$godwit" backup verify latest >/dev/null 2>&1
  t1=$(now)
  pg_dump -Fc -f "$work/hand.dump" -d "$url"
  psql -X -q -d "$admin" -c "CREATE DATABASE ${db}_hand"
  pg_restore --single-transaction --no-owner -d "${admin%/*}/${db}_hand" "$work/hand.dump"
  psql -X -q -d "$admin" -c "DROP DATABASE ${db}_hand WITH (FORCE)"
  t2=$(now)
  g=$(echo "$t1 - $t0" | bc); h=$(echo "$t2 - $t1" | bc)
  g_times+=("$g"); h_times+=("$h")
  printf 'round %d: godwit %.2f s, by hand %.2f s, ratio %.3f\n' "$r" "$g" "$h" "$(echo "$g / $h" | bc -l)"
  rm -f "$work/hand.dump" "$work"/.godwit/backups/*.pgdump "$work"/.godwit/backups/*.json
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# The machine may be shared: each round's two runs are paired, so the median of the per-round
# ratios is the figure to read; the ratio of the fastest runs is printed beside it.
ratios=()
for i in "${!g_times[@]}"; do ratios+=("$(echo "${g_times[$i]} / ${h_times[$i]}" | bc -l)"); done
gm=$(median "${g_times[@]}"); hm=$(median "${h_times[@]}")
gmin=$(printf '%s\n' "${g_times[@]}" | sort -g | head -1); hmin=$(printf '%s\n' "${h_times[@]}" | sort -g | head -1)
printf 'median: godwit %.2f s, by hand %.2f s\n' "$gm" "$hm"
printf 'godwit/hand: median of per-round ratios %.3f, fastest/fastest %.3f (target <= 1.2)\n' \
  "$(median "${ratios[@]}")" "$(echo "$gmin / $hmin" | bc -l)"
