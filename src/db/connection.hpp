#pragma once
// The database seam: everything above the dialects talks to a database through this.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace godwit::db {

/// A bound parameter: NULL, an integer, or text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;

/// One result row; each cell is the value's text form, or nullopt for NULL.
using Row = std::vector<std::optional<std::string>>;

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

/// A statement the database refused.
/// - `code`: PostgreSQL SQLSTATE (e.g. "42P07"), or SQLite's extended result code in decimal
///   (e.g. "1"), as Prisma reports them in P3018 (prisma-compat.md §4.2).
/// - `position`: 1-based character offset into the statement the server flagged; 0 = none.
class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(std::string code, std::string message, std::string detail = {},
                std::string hint = {}, int position = 0)
      : std::runtime_error(message),
        code_(std::move(code)),
        message_(std::move(message)),
        detail_(std::move(detail)),
        hint_(std::move(hint)),
        position_(position) {}

  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& detail() const { return detail_; }
  const std::string& hint() const { return hint_; }
  int position() const { return position_; }

 private:
  std::string code_;
  std::string message_;
  std::string detail_;
  std::string hint_;
  int position_;
};

/// Stops the statement running on one connection, from a signal handler or another thread (see
/// db/interrupt.hpp). Made by Connection::canceller() outside any handler; it must not outlive
/// that connection.
class Canceller {
 public:
  virtual ~Canceller() = default;
  /// Asks the database to stop the statement running now: it then fails (PostgreSQL SQLSTATE
  /// 57014, SQLite code 9). No effect when nothing is running; a statement started after the
  /// call runs normally. Async-signal-safe: no allocation, no lock, no exception.
  virtual void cancel() noexcept = 0;
};

/// An open connection. Not thread-safe; one per command.
/// Errors: every method throws DatabaseError when the database refuses a statement, and
/// core::Error (P1001, P1017, ...) when the connection itself is lost.
class Connection {
 public:
  virtual ~Connection() = default;

  /// Runs `sql` (one statement, or a script the database accepts in one call) and discards
  /// any rows.
  virtual void execute(std::string_view sql) = 0;

  /// Runs one statement with positional parameters written `$1`, `$2`, ... (on SQLite too)
  /// and returns its rows as text.
  virtual Rows query(std::string_view sql, std::span<const Value> params = {}) = 0;

  /// True while an explicit transaction is open on this connection.
  virtual bool in_transaction() = 0;

  /// `text` as a string literal of this database's SQL, quoted and escaped, for the few
  /// statements godwit batches into one round trip (where parameters cannot be used).
  virtual std::string quote_literal(std::string_view text) = 0;

  /// What stops this connection's running statement from a signal handler; nullptr when the
  /// database has no way to (then a signal only ends the process).
  virtual std::unique_ptr<Canceller> canceller() { return nullptr; }

  /// For a connection that sends the same queries over and over (a shadow database read back
  /// after every migration): the database may keep their plans from call to call (PostgreSQL:
  /// PgConnection::reuse_statement_plans). Default: nothing.
  virtual void reuse_statement_plans() {}

  /// Runs a group of statements in order and stops at the first one the database refuses.
  /// `text` holds them all as written in the script, `statements[k]` being the bytes of
  /// statement k within it (one statement each, no COPY); between two statements there is
  /// only white space, comments and the ';' that ends the first. Returns nullopt when all ran,
  /// else the 0-based index of the refused statement and its error, whose position is relative
  /// to that statement's text (as execute() of that statement alone would report it); the
  /// statements before it ran, none after it did. Connection loss throws core::Error as
  /// execute() does. Default: execute() statement by statement. PostgreSQL sends the group as
  /// one multi-statement simple query (one round trip; the server answers each statement and
  /// stops at the first error), which makes a long data migration as fast as sending the
  /// whole file at once.
  struct BatchFailure {
    std::size_t index = 0;
    DatabaseError error;
  };
  struct TextRange {
    std::size_t offset = 0;
    std::size_t size = 0;
  };
  virtual std::optional<BatchFailure> execute_group(std::string_view text,
                                                    std::span<const TextRange> statements) {
    for (std::size_t i = 0; i < statements.size(); ++i) {
      try {
        execute(text.substr(statements[i].offset, statements[i].size));
      } catch (const DatabaseError& e) {
        return BatchFailure{i, e};
      }
    }
    return std::nullopt;
  }
};

}  // namespace godwit::db
