#include "push/reset.hpp"

namespace godwit::push {

void reset_database(migrate::Session& session, const migrate::Resetter& resetter,
                    const std::vector<std::string>& namespaces,
                    const migrate::RunOptions& options) {
  // Held while dropping so that a `migrate deploy` running now cannot interleave; released
  // before deploy, which takes it again.
  std::unique_ptr<migrate::RunLock> lock;
  if (migrate::run_lock_enabled()) {
    lock = session.dialect.lock(*session.conn, options.lock_timeout);
  }
  resetter.reset(*session.conn, session.project.target, namespaces);
}

migrate::DeployReport reset_and_deploy(migrate::Session& session, const migrate::Resetter& resetter,
                                       const std::vector<std::string>& namespaces,
                                       const migrate::RunOptions& options) {
  // A folder that cannot be read or belongs to another provider stops the reset before
  // anything is dropped (Prisma drops first and fails after).
  (void)session.migrations();
  reset_database(session, resetter, namespaces, options);
  return migrate::deploy(session, options, [](const std::string&) {});
}

}  // namespace godwit::push
