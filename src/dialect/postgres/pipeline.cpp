// PgConnection::execute_each: a run of statements through libpq's pipeline mode.
//
// Why: sent one at a time, every statement of a data migration costs a network round trip and
// a server wake-up; 100,000 INSERTs took 4.5x as long as sending the file whole. In pipeline
// mode the statements stream to the server while their answers stream back, one result per
// statement, so the runner still knows which statement failed.
#include <poll.h>

#include <cerrno>

#include "dialect/postgres/connection.hpp"
#include "dialect/postgres/libpq.hpp"

namespace godwit::postgres {
namespace {

// Unanswered statements and bytes at a time: bounds what libpq holds (it keeps a copy of every
// queued statement until its answer is read) while keeping the server busy.
constexpr std::size_t kMaxInFlight = 8192;
constexpr std::size_t kMaxInFlightBytes = std::size_t{4} << 20;

// Pipeline mode and non-blocking sends for one run; back to the normal blocking mode after.
class PipelineMode {
 public:
  explicit PipelineMode(PGconn* conn) : conn_(conn) {
    entered_ = pq::PQenterPipelineMode(conn_) == 1;
    if (entered_) pq::PQsetnonblocking(conn_, 1);
  }
  ~PipelineMode() {
    if (!entered_) return;
    pq::PQsetnonblocking(conn_, 0);
    // Fails only when results are left unread, i.e. after the connection broke.
    if (pq::PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) pq::PQexitPipelineMode(conn_);
  }
  PipelineMode(const PipelineMode&) = delete;
  PipelineMode& operator=(const PipelineMode&) = delete;
  bool entered() const { return entered_; }

 private:
  PGconn* conn_;
  bool entered_ = false;
};

}  // namespace

std::optional<db::Connection::BatchFailure> PgConnection::execute_each(
    std::size_t count, const std::function<std::string_view(std::size_t)>& statement) {
  if (count == 0) return std::nullopt;
  PGconn* c = conn_.get();
  PipelineMode mode(c);
  if (!mode.entered()) throw_result_error(nullptr, "pipeline");

  std::optional<BatchFailure> failure;
  std::size_t sent = 0;                          // statements queued
  std::size_t done = 0;                          // statements whose results were all read
  std::vector<std::size_t> sizes(kMaxInFlight);  // bytes of the unanswered ones, a ring
  std::size_t in_flight_bytes = 0;
  bool synced = false;
  std::size_t asked_flush_at = 0;  // `sent` when the last flush request went out
  bool got_result = false;         // a result of statement `done` was read
  bool finished = false;
  std::string text;  // the statement, NUL-terminated

  while (!finished) {
    // Queue statements while the window has room; stop at the first failure.
    bool room = false;
    while (!failure && sent < count && sent - done < kMaxInFlight &&
           (sent == done || in_flight_bytes < kMaxInFlightBytes)) {
      text.assign(statement(sent));
      if (pq::PQsendQueryParams(c, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
        throw_result_error(nullptr, "execute");
      }
      sizes[sent % kMaxInFlight] = text.size();
      in_flight_bytes += text.size();
      ++sent;
    }
    if (!synced && (failure || sent == count)) {
      if (pq::PQpipelineSync(c) != 1) throw_result_error(nullptr, "execute");
      synced = true;
    } else if (!synced && sent != asked_flush_at) {
      // The window is full: ask the server to send what it holds back (it otherwise flushes
      // only when its buffer fills or at the sync).
      if (pq::PQsendFlushRequest(c) != 1) throw_result_error(nullptr, "execute");
      asked_flush_at = sent;
    }
    const int flushed = pq::PQflush(c);
    if (flushed < 0) throw_connection_lost(pq::PQerrorMessage(c));

    // Read every result that has arrived.
    if (pq::PQconsumeInput(c) != 1) throw_connection_lost(pq::PQerrorMessage(c));
    while (!finished && pq::PQisBusy(c) == 0) {
      PGresult* raw = pq::PQgetResult(c);
      if (raw == nullptr) {
        if (!got_result) break;  // nothing more until more input arrives
        in_flight_bytes -= sizes[done % kMaxInFlight];
        ++done;
        got_result = false;
        room = true;
        continue;
      }
      auto result = std::unique_ptr<PGresult, decltype(pq::Api::PQclear)>(raw, pq::api().PQclear);
      switch (pq::PQresultStatus(raw)) {
        case PGRES_PIPELINE_SYNC:
          finished = true;
          break;
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
        case PGRES_PIPELINE_ABORTED:  // skipped after the failure
          got_result = true;
          break;
        default:
          // PGRES_FATAL_ERROR; a COPY state cannot occur (the caller sends no COPY), but if
          // one did, it is reported here instead of hanging.
          got_result = true;
          if (!failure) failure = BatchFailure{done, result_error(raw, "execute")};
          break;
      }
    }
    if (finished) break;
    if (room && !failure && sent < count) continue;

    pollfd pfd{pq::PQsocket(c), static_cast<short>(POLLIN | (flushed == 1 ? POLLOUT : 0)), 0};
    if (pfd.fd < 0) throw_connection_lost(pq::PQerrorMessage(c));
    if (::poll(&pfd, 1, -1) < 0 && errno != EINTR) {
      throw_connection_lost(pq::PQerrorMessage(c));
    }
  }
  // Nothing is left queued: leave pipeline mode now so the caller's next command (ROLLBACK,
  // COMMIT) uses the normal protocol.
  if (pq::PQexitPipelineMode(c) != 1) throw_result_error(nullptr, "pipeline");
  if (pq::PQstatus(c) == CONNECTION_BAD) throw_connection_lost(pq::PQerrorMessage(c));
  return failure;
}

}  // namespace godwit::postgres
