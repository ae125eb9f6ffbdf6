#include "backup/store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>

#include "core/error.hpp"

namespace godwit::backup {
namespace fs = std::filesystem;

namespace {

std::string store_safe_name_part(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  return out.empty() ? "_" : out;
}

std::tm store_utc_tm(core::TimePoint when) {
  std::time_t secs = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::seconds>(when));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm;
}

[[noreturn]] void store_io_error(const std::string& what, const fs::path& p, int err) {
  throw core::Error("GW2604", fmt::format("{} {}: {}", what, p.string(), std::strerror(err)),
                    "Check the backup folder's permissions and free space (`[backup] dir` in "
                    "godwit.toml chooses the folder).");
}

}  // namespace

std::string backup_stem(core::TimePoint when, std::string_view database,
                        std::string_view last_migration) {
  auto tm = store_utc_tm(when);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
  return fmt::format("{}_{}_{}", stamp, store_safe_name_part(database),
                     last_migration.empty() ? "empty" : store_safe_name_part(last_migration));
}

std::string iso_utc_millis(core::TimePoint when) {
  auto tm = store_utc_tm(when);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count() % 1000;
  return fmt::format("{}.{:03}Z", stamp, ms < 0 ? ms + 1000 : ms);
}

std::optional<core::TimePoint> parse_iso_utc(std::string_view text) {
  std::tm tm{};
  std::string s(text);
  const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (end == nullptr) return std::nullopt;
  long long ms = 0;
  if (*end == '.') {
    int digits = 0;
    for (++end; *end >= '0' && *end <= '9'; ++end, ++digits)
      if (digits < 3) ms = ms * 10 + (*end - '0');
    for (; digits < 3; ++digits)
      ms *= 10;
  }
  if (*end != 'Z' || end[1] != '\0') return std::nullopt;
  auto secs = timegm(&tm);
  return core::TimePoint(
      std::chrono::microseconds(static_cast<long long>(secs) * 1'000'000 + ms * 1000));
}

void ensure_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (!fs::is_directory(dir.parent_path(), ec)) fs::create_directories(dir.parent_path(), ec);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
      store_io_error("The backup folder could not be created:", dir, errno);
  }
  const fs::path ignore = dir / ".gitignore";
  if (!fs::exists(ignore, ec)) {
    int fd = ::open(ignore.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) {
      static constexpr std::string_view kText =
          "# godwit backups hold the database's data: never commit them.\n*\n";
      ssize_t n = ::write(fd, kText.data(), kText.size());
      (void)n;
      ::close(fd);
    }
  }
}

void create_private_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) store_io_error("The backup file could not be created:", path, errno);
  // O_CREAT's mode is masked by the umask; 0600 is narrower than any umask leaves, but a umask
  // of e.g. 0177 is no reason to widen it either: fchmod makes it exactly owner read/write.
  ::fchmod(fd, 0600);
  ::close(fd);
}

std::vector<Entry> list_backups(const fs::path& dir, std::vector<fs::path>* skipped) {
  std::vector<Entry> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& de : fs::directory_iterator(dir, ec)) {
    const auto& p = de.path();
    if (p.extension() != ".json" || !de.is_regular_file(ec)) continue;
    try {
      Entry e;
      e.manifest_file = p;
      e.manifest = read_manifest(p);
      e.file = dir / e.manifest.file;
      out.push_back(std::move(e));
    } catch (const core::Error&) {
      if (skipped != nullptr) skipped->push_back(p);
    }
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    if (a.manifest.created_at != b.manifest.created_at)
      return a.manifest.created_at > b.manifest.created_at;
    return a.manifest.file > b.manifest.file;
  });
  return out;
}

Entry find_backup(const fs::path& dir, std::string_view which, std::string_view database) {
  if (which == "latest") {
    for (auto& e : list_backups(dir)) {
      if (database.empty() || e.manifest.database == database) return e;
    }
    throw core::Error(
        "GW2608",
        database.empty()
            ? fmt::format("There is no backup in {}.", dir.string())
            : fmt::format("There is no backup of database \"{}\" in {}.", database, dir.string()),
        "Take one with `godwit backup create`; `godwit backup list` shows the folder's backups.");
  }
  fs::path p(which);
  std::error_code ec;
  if (!fs::exists(p, ec) && p.is_relative() && fs::exists(dir / p, ec)) p = dir / p;
  if (!fs::exists(p, ec)) {
    throw core::Error("GW2608", fmt::format("The backup {} does not exist.", std::string(which)),
                      "Name a backup file (or its .json manifest) or `latest`; `godwit backup "
                      "list` shows the backups.");
  }
  Entry e;
  e.manifest_file = p.extension() == ".json" ? p : fs::path(p.string() + ".json");
  e.manifest = read_manifest(e.manifest_file);
  e.file = e.manifest_file.parent_path() / e.manifest.file;
  return e;
}

FileDigest digest_file(const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) store_io_error("The backup file could not be read:", file, errno);
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  FileDigest d;
  std::vector<unsigned char> buf(1 << 20);
  while (true) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      store_io_error("The backup file could not be read:", file, err);
    }
    if (n == 0) break;
    EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<std::size_t>(n));
    d.size += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  for (unsigned int i = 0; i < len; ++i)
    d.sha256 += fmt::format("{:02x}", md[i]);
  return d;
}

void check_file_unchanged(const Entry& e) {
  std::error_code ec;
  if (!fs::exists(e.file, ec)) {
    throw core::Error("GW2608", fmt::format("The backup file {} named by {} does not exist.",
                                            e.file.string(), e.manifest_file.string()));
  }
  auto d = digest_file(e.file);
  if (d.size != e.manifest.size_bytes || d.sha256 != e.manifest.sha256) {
    throw core::Error(
        "GW2609",
        fmt::format("The backup file {} changed after it was written: {} bytes, "
                    "SHA-256 {}; the manifest recorded {} bytes, SHA-256 {}.",
                    e.file.string(), d.size, d.sha256, e.manifest.size_bytes, e.manifest.sha256),
        "The file is damaged or was replaced; use another backup.");
  }
}

std::vector<Entry> apply_retention(const Policy& policy, std::string_view database,
                                   core::TimePoint now, const fs::path& keep_file) {
  std::vector<Entry> removed;
  std::size_t kept = 0;
  for (auto& e : list_backups(policy.dir)) {
    if (e.manifest.database != database) continue;
    bool remove = false;
    if (e.file != keep_file) {
      if (policy.keep > 0 && kept >= static_cast<std::size_t>(policy.keep)) remove = true;
      auto created = parse_iso_utc(e.manifest.created_at);
      if (policy.max_age_days > 0 && created &&
          now - *created > std::chrono::microseconds(
                               static_cast<long long>(policy.max_age_days * 86400.0 * 1e6)))
        remove = true;
    }
    if (!remove) {
      ++kept;
      continue;
    }
    std::error_code ec;
    fs::remove(e.file, ec);
    fs::remove(e.manifest_file, ec);
    removed.push_back(std::move(e));
  }
  return removed;
}

}  // namespace godwit::backup
