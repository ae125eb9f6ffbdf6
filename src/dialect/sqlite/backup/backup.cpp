// SQLite backups with the online backup API (backup.hpp).
#include "dialect/sqlite/backup/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "dialect/sqlite/connect/connection.hpp"
#include "dialect/sqlite/connect/url.hpp"

namespace godwit::sqlite {
namespace fs = std::filesystem;

namespace {

using Handle = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

Handle sqlite_backup_open(const fs::path& file, int flags, std::chrono::milliseconds busy,
                          std::string_view code, std::string_view what) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Handle h(raw, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    throw core::Error(std::string(code),
                      fmt::format("Could not open {} {}: {}", what, file.string(),
                                  raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, static_cast<int>(busy.count()));
  return h;
}

// Copies every page of `src` over `dest`. A busy lock is waited for by the handles' busy
// handlers; SQLITE_BUSY/LOCKED that still come back are retried until `busy` has passed.
void sqlite_backup_copy(sqlite3* dest, sqlite3* src, std::chrono::milliseconds busy,
                        std::string_view code, std::string_view what) {
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", src, "main");
  if (b == nullptr) {
    throw core::Error(std::string(code), fmt::format("{} failed: {}", what, sqlite3_errmsg(dest)));
  }
  const auto deadline = std::chrono::steady_clock::now() + busy;
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(b, -1);
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      rc = SQLITE_OK;
    }
  } while (rc == SQLITE_OK);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    throw core::Error(std::string(code),
                      fmt::format("{} failed: {} (SQLite code {})", what, sqlite3_errstr(rc), rc),
                      rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                          ? "Another connection held the database's lock the whole time "
                            "(`?socket_timeout=` in the URL sets the wait)."
                          : "");
  }
}

class SqliteScratch final : public backup::ScratchCopy {
 public:
  explicit SqliteScratch(fs::path file) : file_(std::move(file)) {}
  ~SqliteScratch() override {
    conn_.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
      fs::remove(file_.string() + suffix, ec);
  }
  void open() { conn_ = SqliteConnection::open(file_, /*create=*/false); }
  db::Connection& connection() override { return *conn_; }
  std::string describe() const override { return "scratch file " + file_.string(); }

 private:
  fs::path file_;
  std::unique_ptr<SqliteConnection> conn_;
};

}  // namespace

std::string SqliteArchiver::database_name(const project::DatabaseTarget& target) const {
  return parse_url(target.url, target.base_dir).file.filename().string();
}

backup::Scope SqliteArchiver::scope(const project::DatabaseTarget&,
                                    const std::vector<std::string>&) const {
  return backup::Scope{{"main"}};
}

backup::DumpInfo SqliteArchiver::dump(const project::DatabaseTarget& target, const backup::Scope&,
                                      const fs::path& out,
                                      const backup::SnapshotReader& read) const {
  auto t = parse_url(target.url, target.base_dir);
  if (!fs::exists(t.file)) {
    throw core::Error("P1003", "Database `" + t.file.filename().string() + "` does not exist at `" +
                                   t.file.string() + "`.");
  }
  {
    auto src = sqlite_backup_open(t.file, SQLITE_OPEN_READONLY, t.busy_timeout, "GW2602",
                                  "the SQLite database");
    auto dest =
        sqlite_backup_open(out, SQLITE_OPEN_READWRITE, t.busy_timeout, "GW2602", "the backup file");
    sqlite_backup_copy(dest.get(), src.get(), t.busy_timeout, "GW2602",
                       "The SQLite backup of " + t.file.string());
    // A WAL source makes a WAL copy; the backup is one self-contained file instead.
    char* err = nullptr;
    if (sqlite3_exec(dest.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, &err) !=
        SQLITE_OK) {
      std::string msg = err ? err : "";
      sqlite3_free(err);
      throw core::Error("GW2602",
                        "The SQLite backup could not be switched to journal mode "
                        "DELETE: " +
                            msg);
    }
  }
  if (read) {
    auto copy = SqliteConnection::open(out, /*create=*/false);
    read(*copy);
  }
  return backup::DumpInfo{fmt::format("SQLite {} online backup API", sqlite3_libversion()),
                          sqlite3_libversion(), t.file.filename().string()};
}

void SqliteArchiver::restore(const project::DatabaseTarget& target, const backup::Scope&,
                             const fs::path& file) const {
  auto t = parse_url(target.url, target.base_dir);
  auto src =
      sqlite_backup_open(file, SQLITE_OPEN_READONLY, t.busy_timeout, "GW2603", "the backup file");
  auto dest = sqlite_backup_open(t.file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, t.busy_timeout,
                                 "GW2603", "the SQLite database");
  sqlite_backup_copy(dest.get(), src.get(), t.busy_timeout, "GW2603",
                     "Restoring " + file.string() + " over " + t.file.string());
}

std::unique_ptr<backup::ScratchCopy> SqliteArchiver::restore_scratch(const project::DatabaseTarget&,
                                                                     const backup::Scope&,
                                                                     const fs::path& file) const {
  auto path = fs::temp_directory_path() / ("godwit-verify-" + core::uuid_v4() + ".sqlite");
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw core::Error("GW2604",
                      "The scratch file " + path.string() +
                          " for `backup verify` could not be created: " + std::strerror(errno));
  }
  ::close(fd);
  auto scratch = std::make_unique<SqliteScratch>(path);
  {
    auto src = sqlite_backup_open(file, SQLITE_OPEN_READONLY, std::chrono::milliseconds(5000),
                                  "GW2603", "the backup file");
    auto dest = sqlite_backup_open(path, SQLITE_OPEN_READWRITE, std::chrono::milliseconds(5000),
                                   "GW2603", "the scratch file");
    sqlite_backup_copy(dest.get(), src.get(), std::chrono::milliseconds(5000), "GW2603",
                       "Restoring " + file.string() + " into a scratch file");
  }
  scratch->open();
  return scratch;
}

}  // namespace godwit::sqlite
