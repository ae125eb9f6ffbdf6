#pragma once
// `migrate repair`: the text a migration had when it was applied. `_prisma_migrations` keeps
// only its checksum (SHA-256 of migration.sql), so the text is looked up where projects keep
// their migrations: the git history of the migration's folder. Every version of
// <folder>/migration.sql that git has (the index, then each commit that touched the file, on
// every branch) is read as Prisma reads the file (migrate::read_script_text) and the first
// whose checksum matches the stored one (migrate::checksum_matches: also with CRLF/LF turned)
// is the original.

#include <filesystem>
#include <optional>
#include <string>

namespace godwit::recover {

/// The original text of `<migration_dir>/migration.sql` whose checksum is `stored_checksum`,
/// from git (`git` on PATH, run in `migration_dir`; stdin and stderr to /dev/null). nullopt
/// when there is no git, the folder is not in a repository, or no version matches. Never
/// throws for those: the caller treats the edit as one whose original is unknown.
std::optional<std::string> original_from_git(const std::filesystem::path& migration_dir,
                                             const std::string& stored_checksum);

}  // namespace godwit::recover
