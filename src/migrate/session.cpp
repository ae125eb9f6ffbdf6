#include "migrate/session.hpp"

#include <cstdlib>
#include <string_view>

namespace godwit::migrate {

bool run_lock_enabled() {
  const char* v = std::getenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK");
  if (v == nullptr) return true;
  std::string_view s(v);
  return s.empty() || s == "0";
}

Session::Session(const project::Project& project, const Dialect& dialect,
                 std::unique_ptr<db::Connection> conn, std::future<MigrationsDir> folder)
    : project(project), dialect(dialect), conn(std::move(conn)), folder_(std::move(folder)) {}

// Waits for the reading thread (a std::async future would too) and ignores its outcome.
Session::~Session() {
  if (folder_.valid()) folder_.wait();
}

const MigrationsDir& Session::migrations() {
  if (!migrations_) {
    migrations_ = folder_.get();
    check_lock_provider(*migrations_, project.datasource.provider);
  }
  return *migrations_;
}

Session open_session(const project::Project& project, const Dialect& dialect, bool create) {
  auto folder = std::async(std::launch::async,
                           [&dir = project.migrations_dir] { return read_migrations_dir(dir); });
  if (create) folder.wait();
  Session session(project, dialect, nullptr, std::move(folder));
  if (create) session.migrations();  // a bad folder (P3019, ...) must not create a database
  session.conn = dialect.connect(project.target, create);
  return session;
}

}  // namespace godwit::migrate
