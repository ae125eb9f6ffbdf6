#include "recover/recorded_migration.hpp"

#include "dev/new_migration.hpp"
#include "dialect/registry.hpp"
#include "diff/differ.hpp"
#include "migrate/resolve.hpp"
#include "plan/make_plan.hpp"
#include "schema/script.hpp"

namespace godwit::recover {
namespace {

// Removes what write_and_record wrote unless it was recorded: a failed run leaves the folder as
// it found it, so the same command can run again.
class WrittenFolder {
 public:
  WrittenFolder(std::filesystem::path dir, std::filesystem::path lock_file, bool lock_existed)
      : dir_(std::move(dir)), lock_(std::move(lock_file)), lock_existed_(lock_existed) {}
  ~WrittenFolder() {
    if (kept_) return;
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    if (!lock_existed_) std::filesystem::remove(lock_, ec);
  }
  WrittenFolder(const WrittenFolder&) = delete;
  WrittenFolder& operator=(const WrittenFolder&) = delete;
  void keep() { kept_ = true; }

 private:
  std::filesystem::path dir_;
  std::filesystem::path lock_;
  bool lock_existed_;
  bool kept_ = false;
};

}  // namespace

DiffScript database_diff_script(const dialect::Parts& parts, schema::Catalog from,
                                schema::Catalog to) {
  from.default_namespace.clear();
  to.default_namespace.clear();
  DiffScript out;
  out.changes = diff::diff(from, to, *parts.diff_policy);
  out.text =
      schema::cli_stdout_text(plan::make_plan(out.changes, from, to, *parts.renderer).script());
  return out;
}

Recorded write_and_record(const project::Project& project, const migrate::Dialect& dialect,
                          const migrate::RunOptions& options, std::string_view provider,
                          const std::string& folder, const std::string& text,
                          const std::function<void()>& verify) {
  const auto& dir = project.migrations_dir;
  const auto lock_file = dir / "migration_lock.toml";
  const bool lock_existed = std::filesystem::exists(lock_file);
  Recorded r;
  r.folder = folder;
  r.script = dev::write_new_migration(dir, folder, text, provider);
  WrittenFolder written(dir / folder, lock_file, lock_existed);
  if (verify) verify();
  auto session = migrate::open_session(project, dialect, /*create=*/false);
  migrate::resolve_applied(session, options, folder);
  written.keep();
  return r;
}

}  // namespace godwit::recover
