#pragma once
// The backup folder: file names, listing, finding one backup, retention, file digests.
//
// Names: `<UTC yyyymmddThhmmssZ>_<database>_<last applied migration or "empty">.<ext>` and the
// manifest `<that>.json`; characters other than [A-Za-z0-9._-] become '_', so a name is always
// a plain file name. The folder is created owner-only (0700) with a `.gitignore` of `*`, so
// backups are never committed by accident; files are created 0600.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "backup/config.hpp"
#include "backup/manifest.hpp"
#include "core/clock.hpp"

namespace godwit::backup {

/// A finished backup: its file and manifest.
struct Entry {
  std::filesystem::path file;
  std::filesystem::path manifest_file;
  Manifest manifest;
};

/// "20261203T131500Z_app_20240102000000_add_posts" (without extension).
std::string backup_stem(core::TimePoint when, std::string_view database,
                        std::string_view last_migration);

/// "2026-12-03T13:15:00.123Z".
std::string iso_utc_millis(core::TimePoint when);
/// The inverse of iso_utc_millis (also without milliseconds); nullopt when malformed.
std::optional<core::TimePoint> parse_iso_utc(std::string_view text);

/// Creates `dir` (and parents) owner-only, with a .gitignore of `*`. Errors: GW2604.
void ensure_folder(const std::filesystem::path& dir);

/// Creates `path` empty and owner-only (0600), failing if it exists. Errors: GW2604.
void create_private_file(const std::filesystem::path& path);

/// Every backup in `dir` with a readable manifest, newest first (by createdAt, then name).
/// Damaged manifests are skipped (their names go to `skipped` when given). A missing folder
/// holds none.
std::vector<Entry> list_backups(const std::filesystem::path& dir,
                                std::vector<std::filesystem::path>* skipped = nullptr);

/// `which` = "latest" (the newest backup in `dir`, of `database` when not empty), or a path to
/// a backup file or its manifest (relative to the current directory, else to `dir`).
/// Errors: GW2608 when there is none / the file does not exist; GW2607 for its manifest.
Entry find_backup(const std::filesystem::path& dir, std::string_view which,
                  std::string_view database = {});

/// Size and SHA-256 (hex) of a file, read in 1 MB blocks. Errors: GW2604.
struct FileDigest {
  std::uint64_t size = 0;
  std::string sha256;
};
FileDigest digest_file(const std::filesystem::path& file);

/// Checks `e.file` against its manifest's size and digest. Errors: GW2609 when they differ,
/// GW2608 when the file is gone.
void check_file_unchanged(const Entry& e);

/// Retention (Policy::keep, Policy::max_age_days) over the backups of `database` in the
/// policy's folder: the newest `keep` are kept, and of those the ones older than
/// max_age_days are removed; `keep_file` (the backup just taken) is never removed. Returns the
/// removed backups (file and manifest deleted).
std::vector<Entry> apply_retention(const Policy& policy, std::string_view database,
                                   core::TimePoint now, const std::filesystem::path& keep_file);

}  // namespace godwit::backup
