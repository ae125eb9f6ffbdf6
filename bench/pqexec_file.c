/* The floors for bench/large_migration.sh, no history and no parser:
 *   pqexec_file URL FILE              the whole file as ONE query string with one PQexec (the
 *                                     simple query protocol; a multi-statement string runs as
 *                                     one implicit transaction), which is how Prisma sends a
 *                                     migration
 *   pqexec_file --pipeline URL FILE   BEGIN, then every statement (the file cut at each ";\n",
 *                                     which is right for the generated benchmark file only)
 *                                     through libpq's pipeline mode as its own extended-protocol
 *                                     query, as godwit sends it, then COMMIT: the cost of the
 *                                     protocol itself
 *   pqexec_file --groups URL FILE     BEGIN, then the file in groups of 1,000 statements (cut
 *                                     at ";\n" as above), each group one multi-statement simple
 *                                     query of the file's own text, as godwit sends them since
 *                                     pipeline mode was dropped, then COMMIT
 * Exit 0 on success, 1 with the server's message otherwise. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

static int fail(PGconn* conn) {
  fprintf(stderr, "%s", PQerrorMessage(conn));
  return 1;
}

static int ok(PGresult* r) {
  int good = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
  PQclear(r);
  return good;
}

/* At most 8192 statements unanswered, as godwit. */
static int pipeline(PGconn* conn, char* sql) {
  size_t cap = 1024, n = 0;
  char** stmts = malloc(cap * sizeof *stmts);
  for (char* p = sql; *p;) {
    char* end = strstr(p, ";\n");
    if (end) *end = '\0';
    if (n == cap) stmts = realloc(stmts, (cap *= 2) * sizeof *stmts);
    stmts[n++] = p;
    if (!end) break;
    p = end + 2;
  }
  if (!ok(PQexec(conn, "BEGIN"))) return fail(conn);
  if (!PQenterPipelineMode(conn) || PQsetnonblocking(conn, 1)) return fail(conn);
  size_t sent = 0, done = 0;
  int synced = 0, got = 0, error = 0, finished = 0;
  while (!finished) {
    while (sent < n && sent - done < 8192)
      if (!PQsendQueryParams(conn, stmts[sent++], 0, NULL, NULL, NULL, NULL, 0)) return fail(conn);
    if (sent == n && !synced)
      synced = PQpipelineSync(conn);
    else if (!synced)
      PQsendFlushRequest(conn);
    int flushed = PQflush(conn);
    if (flushed < 0 || !PQconsumeInput(conn)) return fail(conn);
    while (!finished && !PQisBusy(conn)) {
      PGresult* r = PQgetResult(conn);
      if (!r) {
        if (!got) break;
        done++, got = 0;
        continue;
      }
      ExecStatusType s = PQresultStatus(r);
      if (s == PGRES_PIPELINE_SYNC)
        finished = 1;
      else
        got = 1;
      if (s == PGRES_FATAL_ERROR && !error)
        error = 1, fprintf(stderr, "%s", PQresultErrorMessage(r));
      PQclear(r);
    }
    if (finished || (sent < n && sent - done < 8192)) continue;
    fd_set in, out;
    FD_ZERO(&in);
    FD_ZERO(&out);
    FD_SET(PQsocket(conn), &in);
    if (flushed) FD_SET(PQsocket(conn), &out);
    select(PQsocket(conn) + 1, &in, &out, NULL, NULL);
  }
  if (!PQexitPipelineMode(conn) || PQsetnonblocking(conn, 0)) return fail(conn);
  if (error) return 1;
  return ok(PQexec(conn, "COMMIT")) ? 0 : fail(conn);
}

/* Groups of 1,000 statements, each the file's text from its first statement to its last,
 * sent with PQsendQuery; one result per statement, the first error stops the group. */
static int groups(PGconn* conn, char* sql) {
  if (!ok(PQexec(conn, "BEGIN"))) return fail(conn);
  int error = 0;
  for (char* p = sql; *p && !error;) {
    char* end = p;
    for (int k = 0; k < 1000 && end; k++) {
      end = strstr(end, ";\n");
      if (end) end += 2;
    }
    char saved = end ? *end : 0;
    if (end) *end = '\0';
    if (!PQsendQuery(conn, p)) return fail(conn);
    for (PGresult* r; (r = PQgetResult(conn));) {
      if (PQresultStatus(r) == PGRES_FATAL_ERROR && !error)
        error = 1, fprintf(stderr, "%s", PQresultErrorMessage(r));
      PQclear(r);
    }
    if (!end) break;
    *end = saved;
    p = end;
  }
  if (error) return 1;
  return ok(PQexec(conn, "COMMIT")) ? 0 : fail(conn);
}

int main(int argc, char** argv) {
  int piped = argc == 4 && strcmp(argv[1], "--pipeline") == 0;
  int grouped = argc == 4 && strcmp(argv[1], "--groups") == 0;
  if (argc != 3 && !piped && !grouped) {
    fprintf(stderr, "usage: pqexec_file [--pipeline | --groups] URL FILE\n");
    return 2;
  }
  const char* url = argv[argc - 2];
  const char* file = argv[argc - 1];
  FILE* f = fopen(file, "rb");
  if (!f) {
    perror(file);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* sql = malloc((size_t)size + 1);
  if (!sql || fread(sql, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", file);
    return 1;
  }
  sql[size] = '\0';
  fclose(f);
  PGconn* conn = PQconnectdb(url);
  if (PQstatus(conn) != CONNECTION_OK) return fail(conn);
  int rc = piped     ? pipeline(conn, sql)
           : grouped ? groups(conn, sql)
                     : (ok(PQexec(conn, sql)) ? 0 : fail(conn));
  PQfinish(conn);
  free(sql);
  return rc;
}
