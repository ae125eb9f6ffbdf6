// PgConnection::execute_group: a group of a transactional script's statements as one
// multi-statement simple query.
//
// Why: sent one at a time, every statement of a data migration costs a network round trip and a
// server wake-up (100,000 INSERTs took 4.5x as long as sending the file whole). A group of
// ~1,000 statements is one round trip, and the simple query protocol is what the fastest way to
// run the file (one PQexec of it, as Prisma does) uses: the server parses the group once and
// runs its statements without a Parse/Bind/Describe/Execute exchange each. libpq's pipeline
// mode, which this replaced, cost 1.2-1.4x that in the same runs (docs/benchmarks.md, issue 8).
//
// The server still answers statement by statement (one CommandComplete each) and stops the
// group at the first error, so the failing statement is the one after the results that came
// back. Inside the caller's explicit BEGIN a group commits nothing on its own.
#include <algorithm>
#include <string>

#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/libpq.hpp"
#include "sql/position.hpp"

namespace godwit::postgres {
namespace {

// Characters (UTF-8 code points, as the server counts PG_DIAG_STATEMENT_POSITION) in `text`.
int char_count(std::string_view text) {
  int n = 0;
  for (char c : text)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::optional<db::Connection::BatchFailure> PgConnection::execute_group(
    std::string_view text, std::span<const TextRange> statements) {
  if (statements.empty()) return std::nullopt;
  PGconn* c = conn_.get();
  group_text_.assign(text);  // libpq wants a NUL-terminated string
  if (pq::PQsendQuery(c, group_text_.c_str()) != 1) throw_result_error(nullptr, "execute");

  std::optional<BatchFailure> failure;
  std::size_t done = 0;  // statements whose command completed
  while (PGresult* raw = pq::PQgetResult(c)) {
    auto result = std::unique_ptr<PGresult, decltype(pq::Api::PQclear)>(raw, pq::api().PQclear);
    switch (pq::PQresultStatus(raw)) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_EMPTY_QUERY:
        ++done;
        break;
      case PGRES_COPY_IN:
        // Cannot occur (the caller sends no COPY); if it did, it fails here instead of hanging.
        pq::PQputCopyEnd(c,
                         "godwit does not send COPY data (COPY ... FROM STDIN is not supported)");
        break;
      case PGRES_COPY_OUT: {
        char* buffer = nullptr;
        while (pq::PQgetCopyData(c, &buffer, 0) > 0)
          pq::PQfreemem(buffer);
        break;
      }
      default:
        // PGRES_FATAL_ERROR: the server skips the rest of the group.
        if (!failure) {
          std::size_t index = std::min(done, statements.size() - 1);
          db::DatabaseError e = result_error(raw, "execute");
          int position = e.position();
          if (position > 0) {
            // The server parses the whole group before it runs any of it: a syntax error
            // anywhere fails it with no answer before, and only its position (counted from
            // the start of the group) says which statement it is in.
            const std::size_t at = sql::byte_offset_of_char(text, position);
            while (index + 1 < statements.size() && at >= statements[index + 1].offset)
              ++index;
          }
          if (position > 0) {
            // Relative to the group's text: make it relative to the statement's.
            const std::size_t at = sql::byte_offset_of_char(text, position);
            const TextRange& st = statements[index];
            position = at < st.offset
                           ? 0
                           : 1 + char_count(text.substr(
                                     st.offset, std::min(at, st.offset + st.size) - st.offset));
          }
          failure = BatchFailure{
              index, db::DatabaseError(e.code(), e.message(), e.detail(), e.hint(), position)};
        }
        break;
    }
  }
  if (group_text_.capacity() > (std::size_t{4} << 20)) group_text_ = std::string();
  if (pq::PQstatus(c) == CONNECTION_BAD) throw_connection_lost(pq::PQerrorMessage(c));
  return failure;
}

}  // namespace godwit::postgres
