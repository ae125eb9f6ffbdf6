#include "migrate/session.hpp"

#include <cstdlib>
#include <string_view>

#include "core/heap.hpp"

namespace godwit::migrate {

bool run_lock_enabled() {
  const char* v = std::getenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK");
  if (v == nullptr) return true;
  std::string_view s(v);
  return s.empty() || s == "0";
}

Session::Session(const project::Project& project, const Dialect& dialect,
                 std::unique_ptr<db::Connection> conn, std::shared_future<MigrationsDir> folder)
    : project(project), dialect(dialect), conn(std::move(conn)), folder_(std::move(folder)) {}

// The reading thread must not outlive the project it reads from.
Session::~Session() {
  if (folder_.valid()) folder_.wait();
}

Session open_session(const project::Project& project, const Dialect& dialect, bool create) {
  auto folder = std::async(std::launch::async, [&project] {
                  core::prefer_huge_pages_for_thread_heap();
                  auto dir = read_migrations_dir(project.migrations_dir);
                  check_lock_provider(dir, project.datasource.provider);
                  return dir;
                }).share();
  if (create) folder.get();  // a bad folder (P3019, ...) must not create a database
  Session session(project, dialect, nullptr, folder);
  session.conn = dialect.connect(project.target, create, &session.created_database);
  session.cancel_on_signal = std::make_unique<db::CancelOnSignal>(session.conn->canceller());
  return session;
}

}  // namespace godwit::migrate
