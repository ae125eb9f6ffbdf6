# Shared by the golden make_expected.sh scripts (sourced, not run): runs the REAL Prisma 7.10.1
# CLI (the offline oracle, /work/shared/tools/prisma-oracle) on schemas whose datasource
# provider is rewritten, as the oracle's oracle.sh does. godwit never writes expected files.

oracle_dir="${GODWIT_ORACLE_DIR:-$HOME/.cache/prisma-oracle}"
[ -x "$oracle_dir/prisma" ] || {
  echo "no Prisma oracle in $oracle_dir (install: ../shared/tools/prisma-oracle/install.sh)" >&2
  exit 1
}

# Copies schema $1 to $2 with the datasource's provider set to $3 (generators untouched).
oracle_with_provider() {
  awk -v p="$3" '
    /^[[:space:]]*datasource[[:space:]]+[A-Za-z0-9_]+[[:space:]]*\{/ { inds=1 }
    inds && /^[[:space:]]*provider[[:space:]]*=/ { sub(/"[^"]*"/, "\"" p "\"") }
    inds && /\}/ { inds=0 }
    { print }' "$1" >"$2"
}

# Runs `prisma migrate diff "$@"` in work dir $1, which holds the schema files and gets a
# prisma.config.ts naming schema $2 (no database). Prints stdout; on failure prints stderr and
# returns 1. Exit code 2 (`--exit-code` with changes) is success; the exit code is left in
# $oracle_rc.
oracle_rc=0
oracle_migrate_diff() {
  local work="$1" schema="$2"
  shift 2
  printf "export default {\n  schema: '%s',\n}\n" "$schema" >"$work/prisma.config.ts"
  local rc=0
  (cd "$work" && NO_COLOR=1 "$oracle_dir/prisma" migrate diff "$@" 2>"$work/stderr.txt") || rc=$?
  oracle_rc=$rc
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
    cat "$work/stderr.txt" >&2
    return 1
  fi
}
