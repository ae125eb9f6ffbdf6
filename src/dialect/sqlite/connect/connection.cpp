#include "dialect/sqlite/connect/connection.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <system_error>

#include "core/error.hpp"
#include "core/text.hpp"

namespace godwit::sqlite {
namespace {

using StmtPtr = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

StmtPtr wrap(sqlite3_stmt* s) {
  return StmtPtr(s, &sqlite3_finalize);
}

// 1-based character (not byte) position of `byte_offset` in UTF-8 `text`, as PostgreSQL
// counts STATEMENT_POSITION.
int char_position(std::string_view text, std::size_t byte_offset) {
  byte_offset = std::min(byte_offset, text.size());
  int chars = 0;
  for (std::size_t i = 0; i < byte_offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + 1;
}

// PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK, read with the rule of postgres::advisory_lock_disabled
// (this library does not link the PostgreSQL one).
bool lock_disabled() {
  const char* v = std::getenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK");
  return v != nullptr && v[0] != '\0' && std::string_view(v) != "0";
}

[[noreturn]] void parameter_error(std::string message) {
  throw db::DatabaseError(std::to_string(SQLITE_RANGE), std::move(message));
}

// sqlite3_interrupt is documented as safe to call from another thread while the connection
// runs a statement; it only stores 1 in an atomic flag of the connection that the running
// statement polls (no lock, no allocation, no I/O; sqlite3.c, sqlite3_interrupt), which makes it
// safe in a signal handler too. The connection must stay open meanwhile: db::CancelOnSignal is
// destroyed before it.
class SqliteCanceller final : public db::Canceller {
 public:
  explicit SqliteCanceller(sqlite3* db) : db_(db) {}
  void cancel() noexcept override { sqlite3_interrupt(db_); }

 private:
  sqlite3* db_;
};

}  // namespace

std::unique_ptr<db::Canceller> SqliteConnection::canceller() {
  return std::make_unique<SqliteCanceller>(db_.get());
}

SqliteConnection::SqliteConnection(sqlite3* db, std::filesystem::path file, bool created)
    : db_(db, &sqlite3_close_v2), file_(std::move(file)), created_(created) {}

SqliteConnection::~SqliteConnection() = default;

std::unique_ptr<SqliteConnection> SqliteConnection::open(const SqliteTarget& target, bool create) {
  return open(target.file, create, OpenOptions{target.busy_timeout});
}

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::filesystem::path& file,
                                                         bool create, const OpenOptions& options) {
  const bool in_memory = file == ":memory:";
  bool created = false;
  auto missing = [&] {
    return core::Error("P1003", "Database `" + file.filename().string() + "` does not exist at `" +
                                    file.string() + "`.");
  };
  if (!in_memory) {
    std::error_code ec;
    bool exists = std::filesystem::exists(file, ec);
    if (!exists && !create) throw missing();
    if (!exists) {
      auto dir = file.parent_path();
      if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
        std::filesystem::create_directories(dir, ec);
        if (ec) {
          throw core::Error("GW1303", "Could not create the folder " + dir.string() +
                                          " for the SQLite database: " + ec.message());
        }
      }
      created = true;
    }
  }

  // SQLite counts every allocation for sqlite3_memory_used() unless told not to, before its
  // first use; godwit never asks, and loading a large schema makes tens of thousands of
  // allocations (-15 % of that time). SQLITE_MISUSE if SQLite is already in use: harmless.
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(raw, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    // Deleted between the check and the open.
    if (rc == SQLITE_CANTOPEN && !create && !std::filesystem::exists(file)) throw missing();
    std::string reason = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    throw core::Error("GW1302",
                      "Could not open the SQLite database at " + file.string() + ": " + reason,
                      "Check that the file is readable and writable by this user, and that "
                      "its folder is writable (SQLite creates a journal file next to it).");
  }
  sqlite3_extended_result_codes(raw, 1);

  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(guard.release(), file, created));
  conn->set_busy_timeout(options.busy_timeout);
  // Prisma's engine opens SQLite through rusqlite's bundled build, which is compiled with
  // SQLITE_DEFAULT_FOREIGN_KEYS=1, so its connections enforce foreign keys (and a migration's
  // `PRAGMA foreign_keys=OFF` around a table redefinition matters). A system libsqlite3
  // defaults to OFF: switch it on so scripts behave as under Prisma.
  conn->execute("PRAGMA foreign_keys=ON");
  return conn;
}

void SqliteConnection::set_busy_timeout(std::chrono::milliseconds timeout) {
  sqlite3_busy_timeout(db_.get(), static_cast<int>(timeout.count()));
  busy_timeout_ = timeout;
}

void SqliteConnection::throw_error(std::string_view sql, int byte_position) {
  sqlite3* db = db_.get();
  int position =
      byte_position >= 0 ? char_position(sql, static_cast<std::size_t>(byte_position)) : 0;
  throw db::DatabaseError(std::to_string(sqlite3_extended_errcode(db)), sqlite3_errmsg(db), {}, {},
                          position);
}

void SqliteConnection::execute(std::string_view sql) {
  sqlite3* db = db_.get();
  const char* begin = sql.data();
  const char* end = begin + sql.size();
  const char* cur = begin;
  while (cur < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, cur, static_cast<int>(end - cur), &raw, &tail);
    auto stmt = wrap(raw);
    if (rc != SQLITE_OK) {
      int offset = sqlite3_error_offset(db);
      throw_error(sql, offset >= 0 ? static_cast<int>(cur - begin) + offset : -1);
    }
    if (tail == nullptr || tail <= cur) tail = end;
    if (raw != nullptr) {
      while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) throw_error(sql, -1);
    }
    cur = tail;
  }
}

db::Rows SqliteConnection::query(std::string_view sql, std::span<const db::Value> params) {
  sqlite3* db = db_.get();
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  auto stmt = wrap(raw);
  if (rc != SQLITE_OK) {
    int offset = sqlite3_error_offset(db);
    throw_error(sql, offset);
  }
  if (raw == nullptr) return {};
  if (tail != nullptr && tail < sql.data() + sql.size()) {
    sqlite3_stmt* next = nullptr;
    auto left = static_cast<int>(sql.data() + sql.size() - tail);
    sqlite3_prepare_v2(db, tail, left, &next, nullptr);
    bool more = next != nullptr;
    sqlite3_finalize(next);
    if (more) {
      throw db::DatabaseError(std::to_string(SQLITE_MISUSE),
                              "query() runs one statement; use execute() for a script");
    }
  }

  // Every parameter the statement uses must be one of $1..$n.
  for (int i = 1; i <= sqlite3_bind_parameter_count(raw); ++i) {
    const char* name = sqlite3_bind_parameter_name(raw, i);
    std::string_view n = name ? name : "";
    bool numbered = n.size() > 1 && n[0] == '$' && std::all_of(n.begin() + 1, n.end(), [](char c) {
                      return std::isdigit(static_cast<unsigned char>(c));
                    });
    if (!numbered || std::stoul(std::string(n.substr(1))) > params.size() ||
        std::stoul(std::string(n.substr(1))) == 0) {
      parameter_error("the statement uses the parameter `" + std::string(name ? name : "?") +
                      "`, but " + std::to_string(params.size()) +
                      " parameter(s) were given as $1..$n");
    }
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::string name = "$" + std::to_string(i + 1);
    int index = sqlite3_bind_parameter_index(raw, name.c_str());
    if (index == 0) parameter_error("the statement does not use the parameter " + name);
    if (auto* n = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(raw, index, *n);
    } else if (auto* s = std::get_if<std::string>(&params[i])) {
      rc = sqlite3_bind_text(raw, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    } else {
      rc = sqlite3_bind_null(raw, index);
    }
    if (rc != SQLITE_OK) throw_error(sql, -1);
  }

  db::Rows rows;
  const int ncols = sqlite3_column_count(raw);
  for (int c = 0; c < ncols; ++c) {
    const char* name = sqlite3_column_name(raw, c);
    rows.columns.emplace_back(name ? name : "");
  }
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    db::Row row;
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      if (sqlite3_column_type(raw, c) == SQLITE_NULL) {
        row.emplace_back(std::nullopt);
        continue;
      }
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, c));
      int bytes = sqlite3_column_bytes(raw, c);
      row.emplace_back(std::string(text ? text : "", static_cast<std::size_t>(bytes)));
    }
    rows.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) throw_error(sql, -1);
  return rows;
}

std::string SqliteConnection::quote_literal(std::string_view text) {
  return core::single_quoted(text);
}

bool SqliteConnection::in_transaction() {
  return sqlite3_get_autocommit(db_.get()) == 0;
}

bool SqliteConnection::acquire_exclusive_lock(std::chrono::milliseconds timeout) {
  if (lock_disabled()) return false;
  const auto saved = busy_timeout_;
  set_busy_timeout(timeout);
  try {
    // Wait in NORMAL locking mode: there a BEGIN EXCLUSIVE that must retry holds no lock between
    // its attempts. In EXCLUSIVE mode it would keep the SHARED lock of a failed attempt, and two
    // processes starting at once could each wait for the other until the timeout. Once the lock
    // is held, EXCLUSIVE mode keeps it past the COMMIT until release_exclusive_lock.
    execute("BEGIN EXCLUSIVE");
    execute("PRAGMA main.locking_mode=EXCLUSIVE");
    execute("COMMIT");
  } catch (const db::DatabaseError& e) {
    set_busy_timeout(saved);
    // A shared lock taken on the way must not stay held (in exclusive mode SQLite keeps every
    // lock it got), or the other writer could not commit either.
    try {
      if (in_transaction()) execute("ROLLBACK");
      execute("PRAGMA main.locking_mode=NORMAL");
      set_busy_timeout(std::chrono::milliseconds(0));
      execute("SELECT count(*) FROM sqlite_master");  // drops whatever lock was taken
    } catch (const db::DatabaseError&) {
      // Busy again: then no lock was taken that could need dropping.
    }
    set_busy_timeout(saved);
    if ((std::atoi(e.code().c_str()) & 0xff) != SQLITE_BUSY) throw;
    throw core::Error(
        "P1002",
        "Timed out after " + std::to_string(timeout.count()) +
            "ms waiting for the exclusive lock on the SQLite database at " + file_.string() +
            ": another connection is using the file (" + e.message() + ").",
        "Another migration (godwit or Prisma Migrate), or an application with an open "
        "transaction, has the database: wait for it to finish and try again. Setting "
        "PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK=1 skips this lock; do that only when nothing else "
        "can migrate this database at the same time.");
  }
  set_busy_timeout(saved);
  return true;
}

void SqliteConnection::release_exclusive_lock() {
  execute("PRAGMA main.locking_mode=NORMAL");
  // SQLite drops the lock only at the next access to the file.
  execute("SELECT count(*) FROM sqlite_master");
}

}  // namespace godwit::sqlite
