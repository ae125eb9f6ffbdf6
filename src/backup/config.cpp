#include "backup/config.hpp"

#include "project/project.hpp"

namespace godwit::backup {
namespace fs = std::filesystem;

Policy make_policy(const project::BackupPolicy& set, bool is_protected,
                   const fs::path& project_dir) {
  Policy p;
  p.dir = (set.dir ? fs::absolute(*set.dir) : fs::absolute(project_dir) / kDefaultDir)
              .lexically_normal();
  p.keep = set.keep.value_or(kDefaultKeep);
  p.max_age_days = set.max_age_days.value_or(0);
  p.before_deploy = set.before_deploy.value_or(is_protected);
  return p;
}

Policy project_policy(const project::Project& project) {
  return make_policy(project.environment.backup, project.environment.is_protected,
                     fs::current_path());
}

}  // namespace godwit::backup
