#include "migrate/migrations_dir.hpp"

#include <fmt/format.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/unicode.hpp"
#include "migrate/checksum.hpp"
#include "psl/datasource.hpp"

namespace godwit::migrate {
namespace fs = std::filesystem;
namespace {

// POSIX reads: a history has hundreds of small files, and iostreams cost more than the bytes.
// `relative` is opened relative to the open folder `at` (the kernel walks one path component
// instead of the whole path per file); `shown` is the full path for messages. Reads st_size
// bytes and stops there, as Node's readFile does for a regular file (no extra read call to see
// end-of-file).
std::optional<std::string> read_bytes(int at, const std::string& relative, const std::string& shown,
                                      std::string& error) {
  int fd = ::openat(at, relative.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    std::error_code ec;
    error = fs::exists(shown, ec) ? "cannot read " + shown : "file not found: " + shown;
    return std::nullopt;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  std::string out;
  out.resize(size > 0 ? size : 4096);  // st_size 0: a special file, read until end-of-file
  std::size_t got = 0;
  while (size == 0 || got < size) {
    if (got == out.size()) out.resize(out.size() * 2);
    auto n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  return out;
}

[[noreturn]] void throw_unlistable(const fs::path& dir, int err) {
  throw core::Error("GW2001", fmt::format("Could not list the migrations folder {}: {}",
                                          dir.string(), std::strerror(err)));
}

// Prisma reads folder names as UTF-8 strings (Node's readdir): a name that is not valid UTF-8
// comes back with U+FFFD in it, names a folder that does not exist, and deploy fails with
// P3015 (checked with Prisma 7.10.1). godwit says so before anything connects, naming the folder.
void check_folder_name(const fs::path& dir, const std::string& name) {
  auto bad = core::first_invalid_utf8(name);
  if (!bad) return;
  throw core::Error(
      "P3015",
      fmt::format("The migration folder `{}` in {} has a name that is not valid UTF-8 (byte "
                  "0x{:02X} at offset {}): its migration.sql cannot be read as Prisma reads it.",
                  core::escape_invalid_utf8(name), dir.string(),
                  static_cast<unsigned char>(name[*bad]), *bad),
      "Rename the folder using only UTF-8 characters (Prisma fails on it with P3015 too).",
      core::SourceLocation{(dir / core::escape_invalid_utf8(name)).string(), 0, 0});
}

// The names of the sub-folders of the open folder `d` (readdir's d_type; stat only where the
// file system does not say).
std::vector<std::string> list_subfolders(DIR* d, const fs::path& dir) {
  std::vector<std::string> names;
  while (true) {
    errno = 0;  // readdir's end and its failure differ only in errno
    const dirent* e = ::readdir(d);
    if (e == nullptr) {
      if (errno != 0) throw_unlistable(dir, errno);
      break;
    }
    std::string_view name(e->d_name);
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      struct stat st {};
      is_dir = ::fstatat(::dirfd(d), e->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
    }
    if (is_dir) names.emplace_back(name);
  }
  return names;
}

// Collation classes for ASCII, following ICU root order. Lower rank sorts first.
struct CollationKey {
  int primary;   // class and letter/digit/punctuation order, case folded
  int tertiary;  // 0 lower case / non-letters, 1 upper case
};

CollationKey collation_key(unsigned char c) {
  // ICU root order of ASCII punctuation and symbols (after white space, before digits).
  static constexpr std::string_view kPunct = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return {c, 0};
  if (auto p = kPunct.find(static_cast<char>(c)); p != std::string_view::npos) {
    return {100 + static_cast<int>(p), 0};
  }
  if (std::isdigit(c)) return {200 + (c - '0'), 0};
  if (std::isalpha(c)) return {300 + (std::tolower(c) - 'a'), std::isupper(c) ? 1 : 0};
  if (c < 0x80) return {150, c};  // control characters and the rest: among symbols
  return {1000 + c, 0};           // non-ASCII bytes: after ASCII letters, byte order
}

}  // namespace

bool migration_name_less(std::string_view a, std::string_view b) {
  // Fast path: at the first differing byte, two digits or two lower-case letters decide the
  // order alone (equal bytes before it are equal at every level; these classes keep byte order
  // and are distinct at the primary level).
  auto mismatch = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (mismatch.first != a.end() && mismatch.second != b.end()) {
    auto plain = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); };
    char x = *mismatch.first, y = *mismatch.second;
    if (plain(x) && plain(y) &&
        (std::isdigit(static_cast<unsigned char>(x)) != 0) ==
            (std::isdigit(static_cast<unsigned char>(y)) != 0)) {
      return x < y;
    }
  }
  // Primary level first (the whole strings), then tertiary (case), then bytes for a total order.
  auto n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    auto ka = collation_key(static_cast<unsigned char>(a[i]));
    auto kb = collation_key(static_cast<unsigned char>(b[i]));
    if (ka.primary != kb.primary) return ka.primary < kb.primary;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto ka = collation_key(static_cast<unsigned char>(a[i]));
    auto kb = collation_key(static_cast<unsigned char>(b[i]));
    if (ka.tertiary != kb.tertiary) return ka.tertiary < kb.tertiary;
  }
  return a < b;
}

std::string read_lock_provider(std::string_view text) {
  for (auto line : core::lines(text)) {
    if (!line.starts_with("provider")) continue;
    // Prisma strips exactly "provider = "; godwit also accepts other spacing around '='.
    std::string_view value = core::trim(line.substr(8));
    if (!value.empty() && value.front() == '=') value = core::trim(value.substr(1));
    if (value.size() >= 2 && value.front() == '"') {
      value.remove_prefix(1);
      auto q = value.find('"');
      if (q != std::string_view::npos) value = value.substr(0, q);
    }
    return std::string(value);
  }
  return "<PROVIDER NOT FOUND>";
}

MigrationsDir read_migrations_dir(const fs::path& dir) {
  MigrationsDir out;
  out.path = dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  out.exists = true;
  std::unique_ptr<DIR, int (*)(DIR*)> folder(::opendir(dir.c_str()), &::closedir);
  if (!folder) throw_unlistable(dir, errno);
  const int at = ::dirfd(folder.get());
  // Sorting the names before building the entries moves strings, not whole migrations.
  auto names = list_subfolders(folder.get(), dir);
  for (const auto& name : names)
    check_folder_name(dir, name);
  std::sort(names.begin(), names.end(), migration_name_less);
  std::string base = dir.native();
  if (!base.empty() && base.back() != '/') base += '/';
  out.migrations.reserve(names.size());
  std::string relative;
  for (auto& name : names) {
    LocalMigration& m = out.migrations.emplace_back();
    relative.assign(name).append("/migration.sql");
    m.script_file = base + relative;
    m.name = std::move(name);
    if (auto raw = read_bytes(at, relative, m.script_file, m.read_error)) {
      m.script = read_script_text(std::move(*raw));
      m.checksum = checksum_of(*m.script);
    }
  }
  std::string err;
  if (auto lock = read_bytes(at, "migration_lock.toml", base + "migration_lock.toml", err)) {
    out.has_lock_file = true;
    out.lock_provider = read_lock_provider(*lock);
  }
  return out;
}

void check_lock_provider(const MigrationsDir& dir, std::string_view schema_provider) {
  if (!dir.has_lock_file) return;
  if (psl::canonical_provider(dir.lock_provider) == psl::canonical_provider(schema_provider)) {
    return;
  }
  throw core::Error(
      "P3019",
      fmt::format("The datasource provider `{}` specified in your schema does not match the one "
                  "specified in the migration_lock.toml, `{}`.",
                  schema_provider, dir.lock_provider),
      "Please remove your current migration directory and start a new migration history with "
      "`prisma migrate dev`, or correct the provider. Read more: "
      "https://pris.ly/d/migrate-provider-switch",
      core::SourceLocation{(dir.path / "migration_lock.toml").string(), 0, 0});
}

std::string read_script_text(std::string raw_bytes) {
  // WHATWG UTF-8 decode with replacement: each maximal invalid subpart becomes U+FFFD.
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  // Most scripts are ASCII: nothing to decode.
  if (std::all_of(raw_bytes.begin(), raw_bytes.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return raw_bytes;
  }
  const std::string_view in = raw_bytes;
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  const auto n = in.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(in[k]); };
  while (i < n) {
    unsigned char c = byte(i);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out += kReplacement;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    int got = 0;
    while (got < need && j < n) {
      unsigned char d = byte(j);
      if (d < lo || d > hi) break;
      lo = 0x80;
      hi = 0xBF;
      ++j;
      ++got;
    }
    if (got == need) {
      out.append(in.substr(i, j - i));
    } else {
      out += kReplacement;
    }
    i = j;
  }
  return out;
}

}  // namespace godwit::migrate
