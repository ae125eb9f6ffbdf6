#!/usr/bin/env bash
# The lock budget under load (issue 10): how long application traffic is held up when a
# migration's ALTER TABLE waits behind a long transaction.
#
# Per tool, on its own fresh database: pgbench runs a read/write script against a 1,000-row
# table (CLIENTS clients, BENCH_SECONDS s, per-transaction log); after 1 s another session opens
# a transaction that reads the table (an ACCESS SHARE lock, as any long report or
# idle-in-transaction session holds); 0.5 s later the tool applies
# `ALTER TABLE "Item" ADD COLUMN "note" TEXT` (ACCESS EXCLUSIVE); the blocking transaction ends
# BLOCKER_SECONDS s after the ALTER first queues for its lock.
#   godwit  `godwit migrate deploy` with its default lock budget (lock_timeout 1 s, 8 retries)
#   psql    `psql -f` of the same file: no lock_timeout, as a hand-run migration
#   prisma  `prisma migrate deploy` (Prisma 7.10.1, when GODWIT_PRISMA_ORACLE is set or the
#           oracle is in ~/.cache/prisma-oracle): no lock_timeout either
# Reported per tool: pgbench's maximum and 99th-percentile latency, its transactions, how many
# of them took longer than the lock timeout + 0.5 s, and the migration's wall time. Without a
# budget the ALTER queues behind the blocker and every pgbench transaction queues behind the
# ALTER (the pile-up); with it, the ALTER leaves the queue after lock_timeout and retries.
#
# Usage: bench/lock_budget.sh
# Env:   GODWIT (default build/godwit), CLIENTS (8), BENCH_SECONDS (20), BLOCKER_SECONDS (5),
#        ROUNDS (1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
godwit="$(realpath "${GODWIT:-$root/build/godwit}")"
clients="${CLIENTS:-8}"
bench_seconds="${BENCH_SECONDS:-20}"
blocker_seconds="${BLOCKER_SECONDS:-5}"
rounds="${ROUNDS:-1}"
[ -x "$godwit" ] || { echo "lock_budget: $godwit not built (cmake --build build --target godwit)" >&2; exit 1; }
# pgbench where scripts/pg-cluster finds pg_ctl (Debian's postgresql-15), else on PATH.
pgbench=/usr/lib/postgresql/15/bin/pgbench
[ -x "$pgbench" ] || pgbench="$(command -v pgbench)" || { echo "lock_budget: pgbench not found (scripts/install-deps --test)" >&2; exit 1; }
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
tools=(godwit psql)
[ -x "$prisma" ] && tools+=(prisma)

work="$(mktemp -d "${TMPDIR:-/tmp}/godwit-lock-bench.XXXXXX")"
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
admin_url="$("$root/scripts/pg-cluster" start "$work/pg")"
base_url="${admin_url%/postgres}"
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

cat >"$work/traffic.sql" <<'SQL'
\set id random(1, 1000)
UPDATE "Item" SET "v" = "v" + 1 WHERE "id" = :id;
SELECT "v" FROM "Item" WHERE "id" = :id;
SQL
init='CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY, "v" INTEGER NOT NULL DEFAULT 0);
INSERT INTO "Item" SELECT g, 0 FROM generate_series(1, 1000) g;'
alter='ALTER TABLE "Item" ADD COLUMN "note" TEXT;'

echo "lock_budget: $("$pgbench" --version), server $(q "$admin_url" 'show server_version'); $clients clients, pgbench ${bench_seconds} s, blocker ${blocker_seconds} s; $rounds round(s)"
printf '%-7s %6s %12s %12s %8s %14s %10s\n' tool round max_ms p99_ms txns 'slower_1.5s' migrate_s
for round in $(seq 1 "$rounds"); do
  for tool in "${tools[@]}"; do
    db="lb_${tool}_${round}"
    q "$admin_url" "CREATE DATABASE $db"
    url="$base_url/$db"
    proj="$work/$db"
    mkdir -p "$proj/prisma/migrations/20240101000000_init" "$proj/logs"
    # Prisma 7 reads the URL from prisma.config.ts only; godwit reads the same file.
    printf 'datasource db {\n  provider = "postgresql"\n}\n' >"$proj/prisma/schema.prisma"
    printf 'export default {\n  schema: "prisma/schema.prisma",\n  datasource: { url: process.env.DATABASE_URL },\n};\n' >"$proj/prisma.config.ts"
    echo 'provider = "postgresql"' >"$proj/prisma/migrations/migration_lock.toml"
    echo "$init" >"$proj/prisma/migrations/20240101000000_init/migration.sql"
    (cd "$proj" && DATABASE_URL="$url" "$godwit" migrate deploy >/dev/null)
    mkdir -p "$proj/prisma/migrations/20240102000000_alter"
    echo "$alter" >"$proj/prisma/migrations/20240102000000_alter/migration.sql"

    "$pgbench" -n -c "$clients" -j 2 -T "$bench_seconds" -l --log-prefix="$proj/logs/pgbench_log" \
      -f "$work/traffic.sql" "$url" >"$proj/pgbench.out" 2>&1 &
    bench_pid=$!
    sleep 1
    psql -X -q -d "$url" -c "BEGIN; SELECT count(*) FROM \"Item\"; SELECT pg_sleep(600) /*blocker*/; COMMIT;" >/dev/null 2>&1 &
    blocker_pid=$!
    sleep 0.5
    start=$(date +%s%N)
    case "$tool" in
      godwit) (cd "$proj" && DATABASE_URL="$url" "$godwit" migrate deploy >"$proj/tool.out" 2>&1) ;;
      psql) psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$proj/prisma/migrations/20240102000000_alter/migration.sql" >"$proj/tool.out" 2>&1 ;;
      prisma) (cd "$proj" && DATABASE_URL="$url" PRISMA_HIDE_UPDATE_MESSAGE=1 "$prisma" migrate deploy >"$proj/tool.out" 2>&1) ;;
    esac &
    tool_pid=$!
    # The blocker's transaction ends BLOCKER_SECONDS after the tool's ALTER first queues for
    # the lock (tools start at different speeds: Prisma's CLI takes seconds).
    for _ in $(seq 1 600); do
      [ "$(q "$url" "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%ALTER TABLE%'")" != 0 ] && break
      sleep 0.05
    done
    sleep "$blocker_seconds"
    q "$url" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%/*blocker*/%' AND pid <> pg_backend_pid()" >/dev/null
    wait "$tool_pid" || { echo "lock_budget: $tool failed:" >&2; cat "$proj/tool.out" >&2; exit 1; }
    migrate_s=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    wait "$blocker_pid" || true
    wait "$bench_pid"
    # -l lines: client_id transaction_no latency_us script_no epoch epoch_us
    cat "$proj"/logs/pgbench_log* | awk '{print $3}' | sort -n >"$proj/latencies"
    n=$(wc -l <"$proj/latencies")
    max=$(tail -1 "$proj/latencies")
    p99=$(awk -v n="$n" 'NR == int(n * 0.99) + (n * 0.99 > int(n * 0.99)) {print; exit}' "$proj/latencies")
    slow=$(awk '$1 > 1500000' "$proj/latencies" | wc -l)
    printf '%-7s %6s %12.0f %12.1f %8s %14s %10s\n' "$tool" "$round" "$(awk -v v="$max" 'BEGIN {print v / 1000}')" \
      "$(awk -v v="$p99" 'BEGIN {print v / 1000}')" "$n" "$slow" "$migrate_s"
    q "$admin_url" "DROP DATABASE $db WITH (FORCE)"
  done
done
