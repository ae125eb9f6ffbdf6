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

Session open_session(const project::Project& project, const Dialect& dialect, bool create) {
  auto migrations = read_migrations_dir(project.migrations_dir);
  check_lock_provider(migrations, project.datasource.provider);
  auto conn = dialect.connect(project.target, create);
  return Session{project, dialect, std::move(conn), std::move(migrations)};
}

}  // namespace godwit::migrate
