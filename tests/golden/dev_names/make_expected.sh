#!/usr/bin/env bash
# Regenerates slugs.tsv: for each line of names.txt, the folder name Prisma 7.10.1's
# `migrate dev --create-only --name <line>` creates, without its timestamp (name<TAB>slug).
# Needs the Prisma oracle (GODWIT_PRISMA_ORACLE, default ~/.cache/prisma-oracle/prisma).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prisma="${GODWIT_PRISMA_ORACLE:-$HOME/.cache/prisma-oracle/prisma}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n' > schema.prisma
printf "export default {\n  schema: 'schema.prisma',\n  migrations: { path: 'migrations' },\n  datasource: { url: 'file:./dev.db' },\n}\n" > prisma.config.ts
out="$here/slugs.tsv"
: > "$out.tmp"
while IFS= read -r name; do
  rm -rf migrations dev.db
  CI=1 NO_COLOR=1 "$prisma" migrate dev --create-only --name "$name" </dev/null >/dev/null 2>&1
  folder="$(ls migrations | grep -v migration_lock.toml)"
  printf '%s\t%s\n' "$name" "${folder:15}" >> "$out.tmp"
done < "$here/names.txt"
mv "$out.tmp" "$out"
