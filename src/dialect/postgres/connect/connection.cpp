#include "dialect/postgres/connect/connection.hpp"

#include "dialect/postgres/connect/libpq.hpp"

#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <new>

#include "core/text.hpp"

namespace godwit::postgres {
namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(pq::Api::PQclear)>;

ResultPtr wrap(PGresult* r) {
  return ResultPtr(r, pq::api().PQclear);
}

std::string field(const PGresult* r, int code) {
  const char* v = r ? pq::PQresultErrorField(r, code) : nullptr;
  return v ? v : "";
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// libpq's connection message without LOCATION lines and the SQLSTATE that verbose mode adds,
// trimmed: "connection to server at "h", port 1 failed: FATAL:  database "x" does not exist".
std::string clean_connect_message(std::string_view message) {
  std::string out;
  for (auto line : core::lines(message)) {
    if (line.substr(0, 9) == "LOCATION:") continue;
    std::string text(line);
    for (const char* severity : {"FATAL:  ", "ERROR:  ", "PANIC:  "}) {
      auto at = text.find(severity);
      if (at == std::string::npos) continue;
      auto code = at + 8;
      if (!sqlstate_of_connect_message(text.substr(at)).empty()) text.erase(code, 7);
    }
    if (!out.empty()) out += '\n';
    out += text;
  }
  return std::string(core::trim(out));
}

// The reason without libpq's "connection to server at ... failed: " prefix.
std::string reason_only(std::string_view cleaned) {
  auto first_line = cleaned.substr(0, cleaned.find('\n'));
  if (first_line.substr(0, 20) == "connection to server") {
    auto at = cleaned.find("failed: ");
    if (at != std::string_view::npos) return std::string(core::trim(cleaned.substr(at + 8)));
  }
  return std::string(cleaned);
}

bool looks_like_tls_failure(std::string_view message) {
  return contains(message, "SSL") || contains(message, "certificate") || contains(message, "TLS") ||
         contains(message, "sslmode");
}

bool looks_like_auth_failure(std::string_view message) {
  return contains(message, "password authentication failed") ||
         contains(message, "no password supplied") || contains(message, "SCRAM") ||
         contains(message, "authentication failed");
}

}  // namespace

std::string quote_ident(std::string_view name) {
  return "\"" + core::replace_all(name, "\"", "\"\"") + "\"";
}

std::string sqlstate_of_connect_message(std::string_view message) {
  std::string found;
  for (const char* severity : {"FATAL:  ", "ERROR:  ", "PANIC:  "}) {
    for (std::size_t at = 0; (at = message.find(severity, at)) != std::string_view::npos; ++at) {
      auto code = message.substr(at + 8, 6);
      bool ok = code.size() == 6 && code[5] == ':';
      for (std::size_t i = 0; ok && i < 5; ++i) {
        ok = std::isdigit(static_cast<unsigned char>(code[i])) ||
             std::isupper(static_cast<unsigned char>(code[i]));
      }
      if (ok) found = std::string(code.substr(0, 5));
    }
  }
  return found;
}

core::Error connect_error(const ConnectionTarget& target, std::string_view sqlstate,
                          std::string_view message, bool timed_out) {
  const std::string& host = target.host;
  const std::string port = std::to_string(target.port);
  const std::string cleaned = clean_connect_message(message);
  const std::string details = cleaned.empty() ? "" : "Details: " + cleaned;
  auto unreachable = [&](std::string hint) {
    return core::Error("P1001",
                       "Can't reach database server at `" + host + ":" + port +
                           "`\n\nPlease make sure your database server is running at `" + host +
                           ":" + port + "`.",
                       std::move(hint));
  };
  if (timed_out) {
    return unreachable("Timed out after " + std::to_string(target.connect_timeout.count()) +
                       "s (the URL's connect_timeout) without an answer from the server.");
  }
  if (sqlstate == "28P01" || (sqlstate.empty() && looks_like_auth_failure(cleaned))) {
    return core::Error("P1000",
                       "Authentication failed against database server at `" + host +
                           "`, the provided database credentials for `" + target.user +
                           "` are not valid.\n\nPlease make sure to provide valid database "
                           "credentials for the database server at `" +
                           host + "`.",
                       details);
  }
  if (sqlstate == "3D000") {
    return core::Error("P1003",
                       "Database `" + target.database +
                           "` does not exist on the database server at `" + host + ":" + port +
                           "`.",
                       details);
  }
  if (sqlstate == "28000" || sqlstate == "42501") {
    return core::Error("P1010",
                       "User `" + target.user + "` was denied access on the database `" +
                           target.database + "." + target.schema + "`",
                       details);
  }
  if (sqlstate.empty() && looks_like_tls_failure(cleaned)) {
    return core::Error("P1011", "Error opening a TLS connection: " + reason_only(cleaned));
  }
  if (sqlstate.empty()) return unreachable(details);
  return core::Error("GW1301", "The database server at `" + host + ":" + port +
                                   "` refused the connection: " + reason_only(cleaned) +
                                   " (SQLSTATE " + std::string(sqlstate) + ")");
}

PgConnection::PgConnection(ConnectionTarget target, PGconn* conn)
    : target_(std::move(target)), conn_(conn, pq::api().PQfinish) {
  pq::PQsetNoticeReceiver(conn_.get(), &PgConnection::on_notice, this);
}

PgConnection::~PgConnection() = default;

std::unique_ptr<PgConnection> PgConnection::open(const ConnectionTarget& target) {
  std::vector<const char*> keys, values;
  for (const auto& [k, v] : target.libpq_params) {
    keys.push_back(k.c_str());
    values.push_back(v.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);

  PGconn* raw = pq::PQconnectStartParams(keys.data(), values.data(), 0);
  if (raw == nullptr) throw std::bad_alloc();
  std::unique_ptr<PGconn, void (*)(PGconn*)> guard(raw, pq::api().PQfinish);
  if (pq::PQstatus(raw) == CONNECTION_BAD) {
    throw connect_error(target, "", pq::PQerrorMessage(raw), false);
  }
  // Verbose messages carry the SQLSTATE of the server's refusal: libpq has no other way to
  // tell "database does not exist" from "role may not log in" before a session exists.
  pq::PQsetErrorVerbosity(raw, PQERRORS_VERBOSE);

  // The asynchronous handshake lets the connect timeout cover the whole attempt (libpq's own
  // connect_timeout only applies to the blocking PQconnectdb path).
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + target.connect_timeout;
  bool timed_out = false;
  PostgresPollingStatusType state = PGRES_POLLING_WRITING;
  while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
    pollfd pfd{pq::PQsocket(raw),
               static_cast<short>(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
    if (pfd.fd < 0) break;
    int wait_ms = -1;
    if (target.connect_timeout.count() > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      wait_ms = static_cast<int>(std::max<std::int64_t>(0, left.count()));
    }
    int ready = ::poll(&pfd, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      timed_out = true;
      break;
    }
    state = pq::PQconnectPoll(raw);
  }
  if (state != PGRES_POLLING_OK) {
    std::string message = pq::PQerrorMessage(raw);
    throw connect_error(target, timed_out ? "" : sqlstate_of_connect_message(message), message,
                        timed_out);
  }
  pq::PQsetErrorVerbosity(raw, PQERRORS_DEFAULT);

  std::unique_ptr<PgConnection> conn(new PgConnection(target, guard.release()));
  if (target.pgbouncer) {
    // PgBouncer refuses the `options` startup parameter that carries the search path.
    conn->execute("SET search_path TO " + quote_ident(target.schema));
  }
  return conn;
}

void PgConnection::on_notice(void* self, const PGresult* result) {
  auto* conn = static_cast<PgConnection*>(self);
  conn->notices_.push_back(
      Notice{field(result, PG_DIAG_SEVERITY_NONLOCALIZED), field(result, PG_DIAG_SQLSTATE),
             field(result, PG_DIAG_MESSAGE_PRIMARY), field(result, PG_DIAG_MESSAGE_DETAIL),
             field(result, PG_DIAG_MESSAGE_HINT)});
}

void PgConnection::throw_connection_lost(std::string_view server_message) {
  std::string hint;
  auto cleaned = clean_connect_message(server_message);
  if (!cleaned.empty()) hint = "Details: " + cleaned;
  throw core::Error("P1017", "Server has closed the connection.", hint);
}

void PgConnection::throw_result_error(const PGresult* result, std::string_view what) {
  throw result_error(result, what);
}

db::DatabaseError PgConnection::result_error(const PGresult* result, std::string_view what) {
  std::string code = field(result, PG_DIAG_SQLSTATE);
  std::string message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) {
    message = result ? pq::PQresultErrorMessage(result) : pq::PQerrorMessage(conn_.get());
    message = std::string(core::trim(message));
  }
  if (message.empty()) message = std::string(what) + " failed";
  if (pq::PQstatus(conn_.get()) == CONNECTION_BAD) throw_connection_lost(message);
  std::string position = field(result, PG_DIAG_STATEMENT_POSITION);
  return db::DatabaseError(
      std::move(code), std::move(message), field(result, PG_DIAG_MESSAGE_DETAIL),
      field(result, PG_DIAG_MESSAGE_HINT), position.empty() ? 0 : std::atoi(position.c_str()));
}

void PgConnection::execute(std::string_view sql) {
  PGconn* c = conn_.get();
  auto result = wrap(pq::PQexec(c, std::string(sql).c_str()));
  if (!result) throw_result_error(nullptr, "execute");
  // PQexec returns early at a COPY; finish the COPY so the session stays usable, then read
  // the results of the statements after it. The first error wins.
  ResultPtr error = wrap(nullptr);
  bool after_copy = false;
  while (result) {
    auto status = pq::PQresultStatus(result.get());
    if (status == PGRES_COPY_IN) {
      pq::PQputCopyEnd(c, "godwit does not send COPY data (COPY ... FROM STDIN is not supported)");
      after_copy = true;
    } else if (status == PGRES_COPY_OUT) {
      char* buffer = nullptr;
      while (pq::PQgetCopyData(c, &buffer, 0) > 0)
        pq::PQfreemem(buffer);
      after_copy = true;
    } else if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
               status != PGRES_EMPTY_QUERY && !error) {
      error = std::move(result);
    }
    if (!after_copy) break;
    result = wrap(pq::PQgetResult(c));
  }
  if (error) throw_result_error(error.get(), "execute");
  if (pq::PQstatus(c) == CONNECTION_BAD) throw_connection_lost(pq::PQerrorMessage(c));
}

db::Rows PgConnection::query(std::string_view sql, std::span<const db::Value> params) {
  std::vector<std::string> text(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (auto* n = std::get_if<std::int64_t>(&params[i])) {
      text[i] = std::to_string(*n);
      values[i] = text[i].c_str();
    } else if (auto* s = std::get_if<std::string>(&params[i])) {
      values[i] = s->c_str();
    }
  }
  auto result = wrap(run_query(std::string(sql), static_cast<int>(params.size()), values.data()));
  auto status = result ? pq::PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw_result_error(result.get(), "query");
  }
  db::Rows rows;
  const int ncols = pq::PQnfields(result.get());
  const int nrows = pq::PQntuples(result.get());
  for (int c = 0; c < ncols; ++c)
    rows.columns.emplace_back(pq::PQfname(result.get(), c));
  rows.rows.reserve(nrows);
  for (int r = 0; r < nrows; ++r) {
    db::Row row;
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      if (pq::PQgetisnull(result.get(), r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(
            std::string(pq::PQgetvalue(result.get(), r, c),
                        static_cast<std::size_t>(pq::PQgetlength(result.get(), r, c))));
      }
    }
    rows.rows.push_back(std::move(row));
  }
  return rows;
}

PGresult* PgConnection::run_query(const std::string& sql, int nparams, const char* const* values) {
  PGconn* c = conn_.get();
  if (!reuse_plans_)
    return pq::PQexecParams(c, sql.c_str(), nparams, nullptr, values, nullptr, nullptr, 0);
  auto [it, first_time] = statements_.try_emplace(sql);
  if (first_time)
    return pq::PQexecParams(c, sql.c_str(), nparams, nullptr, values, nullptr, nullptr, 0);
  if (it->second.empty()) {
    // A counter, not the map's size: every text is in the map before the first is prepared.
    std::string name = "godwit_" + std::to_string(++prepared_count_);
    auto prepared = wrap(pq::PQprepare(c, name.c_str(), sql.c_str(), nparams, nullptr));
    if (!prepared || pq::PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      // E.g. inside a failed transaction: the plain call reports the error as before.
      return pq::PQexecParams(c, sql.c_str(), nparams, nullptr, values, nullptr, nullptr, 0);
    }
    it->second = std::move(name);
  }
  PGresult* result =
      pq::PQexecPrepared(c, it->second.c_str(), nparams, values, nullptr, nullptr, 0);
  const char* state = result ? pq::PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state && std::string_view(state) == "26000") {
    // The statement is gone (a migration ran DEALLOCATE ALL or DISCARD ALL): start over.
    pq::PQclear(result);
    statements_.clear();
    statements_.try_emplace(sql);  // sent before: prepared again on the next call
    return pq::PQexecParams(c, sql.c_str(), nparams, nullptr, values, nullptr, nullptr, 0);
  }
  return result;
}

void PgConnection::reuse_statement_plans() {
  if (target_.pgbouncer) return;
  reuse_plans_ = true;
  if (server_version() >= 120000) execute("SET plan_cache_mode = force_generic_plan");
}

std::string PgConnection::quote_literal(std::string_view text) {
  std::unique_ptr<char, void (*)(void*)> quoted(
      pq::PQescapeLiteral(conn_.get(), text.data(), text.size()), pq::api().PQfreemem);
  if (!quoted) throw_connection_lost(pq::PQerrorMessage(conn_.get()));
  return quoted.get();
}

bool PgConnection::in_transaction() {
  switch (pq::PQtransactionStatus(conn_.get())) {
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      return true;
    case PQTRANS_UNKNOWN:
      throw_connection_lost(pq::PQerrorMessage(conn_.get()));
    default:
      return false;
  }
}

int PgConnection::server_version() const {
  return pq::PQserverVersion(conn_.get());
}

int PgConnection::backend_pid() const {
  return pq::PQbackendPID(conn_.get());
}

std::optional<std::string> PgConnection::current_schema() {
  auto rows = query("SELECT current_schema()");
  if (rows.rows.empty() || rows.rows[0].empty()) return std::nullopt;
  return rows.rows[0][0];
}

std::unique_ptr<PgConnection> open_admin(const ConnectionTarget& target) {
  std::optional<core::Error> last;
  for (const char* candidate : {"postgres", "template1", "defaultdb"}) {
    try {
      return PgConnection::open(target.with_database(candidate));
    } catch (const core::Error& e) {
      if (e.code() != "P1003") throw;
      last = e;
    }
  }
  throw *last;
}

void create_database(const ConnectionTarget& target) {
  auto admin = open_admin(target);
  try {
    admin->execute("CREATE DATABASE " + quote_ident(target.database));
  } catch (const db::DatabaseError& e) {
    if (e.code() != "42P04") throw;
    throw core::Error("P1009", "Database `" + target.database +
                                   "` already exists on the database server at `" + target.host +
                                   ":" + std::to_string(target.port) + "`");
  }
}

void drop_database(const ConnectionTarget& target) {
  auto admin = open_admin(target);
  // WITH (FORCE) (PostgreSQL 13+) ends sessions a failed run may have left behind.
  std::string sql = "DROP DATABASE IF EXISTS " + quote_ident(target.database);
  if (admin->server_version() >= 130000) sql += " WITH (FORCE)";
  admin->execute(sql);
}

}  // namespace godwit::postgres
