#include "dialect/sqlite/run/migration_dialect.hpp"

#include <fmt/format.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "dialect/sqlite/connect/connection.hpp"
#include "dialect/sqlite/connect/url.hpp"
#include "dialect/sqlite/run/split.hpp"
#include "migrate/apply.hpp"

namespace godwit::sqlite {
namespace {

// The exact DDL Prisma's engine writes (sqlite_master keeps this text; prisma-compat.md §1.1).
constexpr std::string_view kCreateHistory = R"(CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
))";

// Rows written by Prisma's native engine hold epoch milliseconds; its driver-adapter builds
// write ISO text. Order by the instant either way.
constexpr std::string_view kListHistory =
    "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, "
    "applied_steps_count FROM \"_prisma_migrations\" ORDER BY CASE WHEN typeof(started_at) IN "
    "('integer', 'real') THEN started_at ELSE (julianday(started_at) - 2440587.5) * 86400000.0 "
    "END ASC, migration_name ASC";

db::Value epoch_ms_value(core::TimePoint t) {
  return static_cast<std::int64_t>(core::epoch_millis(t));
}

// "YYYY-MM-DD HH:MM:SS.mmm UTC" from epoch milliseconds. Written by hand: status lists every
// row, and fmt's chrono formatting cost ~3 k instructions per timestamp.
std::string display_epoch_ms(long long ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds(ms)};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{tp - day};
  std::string out = "0000-00-00 00:00:00.000 UTC";
  auto put = [&out](std::size_t at, long long value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return std::to_string(ms);
  put(0, year, 4);
  put(5, static_cast<unsigned>(ymd.month()), 2);
  put(8, static_cast<unsigned>(ymd.day()), 2);
  put(11, hms.hours().count(), 2);
  put(14, hms.minutes().count(), 2);
  put(17, hms.seconds().count(), 2);
  put(20, hms.subseconds().count(), 3);
  return out;
}

std::string display_timestamp(const std::string& stored) {
  bool digits = !stored.empty() && std::all_of(stored.begin(), stored.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
  if (digits && stored.find('-', 1) == std::string::npos)
    return display_epoch_ms(std::stoll(stored));
  // ISO text such as 2026-11-21T15:03:37.880+00:00
  if (stored.size() >= 23 && stored[10] == 'T') {
    return stored.substr(0, 10) + " " + stored.substr(11, 12) + " UTC";
  }
  return stored;
}

bool is_pragma(const sql::Statement& s, std::string_view name) {
  return s.kind == name;
}

bool turns_off(const sql::Statement& s) {
  const std::string value = pragma_value(s);
  auto v = core::trim(value);
  return core::iequals(v, "off") || v == "0" || core::iequals(v, "false") || core::iequals(v, "no");
}

bool wants_foreign_keys_off(const sql::Script& script) {
  return std::any_of(script.statements.begin(), script.statements.end(), [](const auto& s) {
    return is_pragma(s, "PRAGMA foreign_keys") && turns_off(s);
  });
}

class ExclusiveLock final : public migrate::RunLock {
 public:
  explicit ExclusiveLock(SqliteConnection& conn) : conn_(conn) {}
  ~ExclusiveLock() override {
    try {
      conn_.release_exclusive_lock();
    } catch (...) {
      // Closing the connection releases the file lock anyway.
    }
  }

 private:
  SqliteConnection& conn_;
};

// The process holding a POSIX lock on `file` other than this one, from Linux's /proc/locks
// (`1: POSIX  ADVISORY  WRITE 4321 08:01:131074 1073741824 1073742335`; device numbers in hex,
// inode in decimal; blocked waiters are `->` lines), with its command line: "process 4321
// (godwit migrate deploy)". A write lock is preferred (SQLite's exclusive lock is one). Empty
// when the system does not say (no /proc, another PID namespace, an OFD lock).
std::string lock_holder(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return "";
  const std::string id = fmt::format("{:02x}:{:02x}:{}", major(st.st_dev), minor(st.st_dev),
                                     static_cast<unsigned long>(st.st_ino));
  std::ifstream locks("/proc/locks");
  std::string line;
  long holder = 0;
  bool holder_writes = false;
  while (std::getline(locks, line)) {
    std::istringstream in(line);
    std::string number, cls, mode, type, pid, dev;
    in >> number >> cls;
    if (cls == "->" || cls != "POSIX") continue;
    in >> mode >> type >> pid >> dev;
    long p = std::atol(pid.c_str());
    if (dev != id || p <= 0 || p == static_cast<long>(::getpid())) continue;
    if (holder == 0 || (type == "WRITE" && !holder_writes)) {
      holder = p;
      holder_writes = type == "WRITE";
    }
  }
  if (holder == 0) return "";
  std::ifstream cmd_file(fmt::format("/proc/{}/cmdline", holder), std::ios::binary);
  std::string cmdline, arg;
  while (std::getline(cmd_file, arg, '\0')) {
    if (!cmdline.empty()) cmdline += ' ';
    cmdline += core::redact_url(arg);
  }
  if (cmdline.size() > 200) cmdline = cmdline.substr(0, 197) + "...";
  if (cmdline.empty()) return fmt::format("process {}", holder);
  return fmt::format("process {} ({})", holder, cmdline);
}

}  // namespace

SqliteDialect::SqliteDialect() {
  history_.create_table_sql = std::string(kCreateHistory);
  history_.table_exists_sql =
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'";
  history_.list_sql = std::string(kListHistory);
  history_.timestamp_value = &epoch_ms_value;
  history_.timestamp_display = &display_timestamp;
}

std::unique_ptr<db::Connection> SqliteDialect::connect(const project::DatabaseTarget& target,
                                                       bool create, bool* created) const {
  auto conn = SqliteConnection::open(parse_url(target.url, target.base_dir), create);
  if (created) *created = conn->created();
  return conn;
}

std::string SqliteDialect::created_message(const project::DatabaseTarget& target) const {
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("SQLite database {} created at {}", t.file.filename().string(),
                     target.display);
}

std::string SqliteDialect::describe(const project::DatabaseTarget& target) const {
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("SQLite database \"{}\" at \"{}\"", t.file.filename().string(),
                     target.display);
}

sql::Script SqliteDialect::split(std::string_view text) const {
  auto script = split_script(text);
  // `PRAGMA foreign_keys` is a no-op inside a transaction, so the splitter marks it as needing
  // autocommit. The runner handles it instead (before_transaction/after_transaction), which
  // keeps Prisma's table redefinitions atomic.
  for (auto& s : script.statements) {
    if (is_pragma(s, "PRAGMA foreign_keys")) s.no_transaction = false;
  }
  script.mode = sql::transaction_mode_for(script.statements);
  return script;
}

// Prisma's rule for P3005: any table in sqlite_master (views do not count), except the history
// table.
std::vector<std::string> SqliteDialect::existing_objects(db::Connection& conn) const {
  auto rows = conn.query(
      "SELECT 'table ' || name FROM sqlite_master WHERE type = 'table' AND name <> "
      "'_prisma_migrations' ORDER BY name");
  std::vector<std::string> out;
  for (auto& r : rows.rows)
    out.push_back(r[0].value_or(""));
  return out;
}

std::unique_ptr<migrate::RunLock> SqliteDialect::lock(db::Connection& conn,
                                                      std::chrono::milliseconds timeout) const {
  auto& sqlite = dynamic_cast<SqliteConnection&>(conn);
  if (!sqlite.acquire_exclusive_lock(timeout)) return nullptr;
  return std::make_unique<ExclusiveLock>(sqlite);
}

std::optional<core::Error> SqliteDialect::lock_conflict(db::Connection& conn,
                                                        const db::DatabaseError& e) const {
  if ((std::atoi(e.code().c_str()) & 0xff) != SQLITE_BUSY) return std::nullopt;
  auto& sqlite = dynamic_cast<SqliteConnection&>(conn);
  std::string holder = lock_holder(sqlite.file());
  return core::Error(
      "P1002",
      fmt::format("A migration is in progress on the SQLite database at {}: {} holds its lock "
                  "(godwit and Prisma Migrate lock the file for a whole deploy). Gave up after "
                  "waiting {} ms (SQLite: {}).",
                  sqlite.file().string(), holder.empty() ? "another connection" : holder,
                  sqlite.busy_timeout().count(), e.message()),
      "Run the command again when the migration has finished; `?socket_timeout=SECONDS` in the "
      "URL waits longer (default 5).");
}

std::optional<migrate::ScriptFailure> SqliteDialect::apply(
    db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes) const {
  return apply_timed(conn, script, writes, nullptr);
}

std::optional<migrate::ScriptFailure> SqliteDialect::apply_guarded(
    db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes,
    const migrate::ApplyContext& context) const {
  return apply_timed(conn, script, writes, &context);
}

std::optional<migrate::ScriptFailure> SqliteDialect::apply_timed(
    db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes,
    const migrate::ApplyContext* context) const {
  migrate::ApplyHooks hooks;
  hooks.begin_sql = "BEGIN IMMEDIATE";
  if (context) hooks.timed = context->timed;
  // A script with its own BEGIN/COMMIT (deploy --resume's progress): a statement outside the
  // file's transaction is counted in its own commit, except PRAGMAs, which do nothing inside a
  // transaction (foreign_keys) or may not run in one.
  hooks.progress_in_transaction = [](const sql::Statement& st) {
    return !st.transaction_control && !st.no_transaction && !st.kind.starts_with("PRAGMA");
  };
  const bool fk_off = wants_foreign_keys_off(script);
  bool fk_were_on = false;
  hooks.before_transaction = [&](const sql::Script&) {
    if (!fk_off) return;
    auto rows = conn.query("PRAGMA foreign_keys");
    fk_were_on = !rows.rows.empty() && rows.rows[0][0].value_or("0") == "1";
    conn.execute("PRAGMA foreign_keys=OFF");
  };
  hooks.after_transaction = [&](const sql::Script&) {
    if (fk_off && fk_were_on) conn.execute("PRAGMA foreign_keys=ON");
  };
  hooks.skip_in_transaction = [](const sql::Statement& s) {
    return is_pragma(s, "PRAGMA foreign_keys");
  };
  hooks.before_commit = [&](const sql::Script& sc) -> std::optional<migrate::ScriptFailure> {
    if (!fk_off) return std::nullopt;
    auto rows = conn.query("PRAGMA foreign_key_check");
    if (rows.rows.empty()) return std::nullopt;
    std::string listed;
    for (std::size_t i = 0; i < rows.rows.size() && i < 10; ++i) {
      const auto& r = rows.rows[i];
      listed += fmt::format("  table `{}` rowid {} references `{}` (foreign key #{})\n",
                            r[0].value_or("?"), r[1].value_or("NULL"), r[2].value_or("?"),
                            r[3].value_or("?"));
    }
    migrate::ScriptFailure f;
    // Point at the statement that turns foreign keys back on: that is where the documented
    // procedure checks them.
    f.statement_index = sc.statements.size() - 1;
    for (std::size_t i = sc.statements.size(); i-- > 0;) {
      if (is_pragma(sc.statements[i], "PRAGMA foreign_keys")) {
        f.statement_index = i;
        break;
      }
    }
    f.statement_count = sc.statements.size();
    f.statement = sc.statements[f.statement_index].text;
    f.line = sc.statements[f.statement_index].line;
    f.db_code = "GW2101";
    f.db_message = fmt::format(
        "The migration leaves {} foreign-key violation(s) (PRAGMA foreign_key_check, run by "
        "godwit before COMMIT as SQLite's schema-change procedure says):\n{}",
        rows.rows.size(), listed);
    return f;
  };
  return migrate::apply_script(conn, script, writes, hooks);
}

}  // namespace godwit::sqlite
