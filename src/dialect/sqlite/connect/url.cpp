#include "dialect/sqlite/connect/url.hpp"

#include <charconv>
#include <cstdint>
#include <system_error>

#include "core/error.hpp"
#include "core/text.hpp"

namespace godwit::sqlite {
namespace {

[[noreturn]] void invalid_url(std::string_view detail) {
  throw core::Error(
      "P1013",
      "The provided database string is invalid. " + std::string(detail) +
          " in database URL. Please refer to the documentation in "
          "https://www.prisma.io/docs/reference/database-reference/connection-urls for "
          "constructing a correct connection string. In some cases, certain characters must be "
          "escaped. Please check the string for any illegal characters.");
}

std::uint64_t parse_unsigned(std::string_view key, std::string_view value) {
  std::uint64_t out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    invalid_url("Invalid value for the `" + std::string(key) +
                "` parameter: expected a non-negative integer");
  }
  return out;
}

}  // namespace

SqliteTarget parse_url(std::string_view url, const std::filesystem::path& base_dir) {
  SqliteTarget target;
  target.url = std::string(url);
  std::string_view rest;
  if (url.substr(0, 5) == "file:") {
    rest = url.substr(5);
  } else if (url.substr(0, 7) == "sqlite:") {
    rest = url.substr(7);
  } else {
    invalid_url("The URL must start with the protocol `file:`");
  }
  auto q = rest.find('?');
  std::string path(rest.substr(0, q));
  if (path.empty()) invalid_url("The URL names no database file");

  if (q != std::string_view::npos) {
    for (const auto& pair : core::split(rest.substr(q + 1), '&')) {
      auto eq = pair.find('=');
      if (eq == std::string::npos) continue;
      auto key = std::string_view(pair).substr(0, eq);
      auto value = std::string_view(pair).substr(eq + 1);
      if (key == "socket_timeout") {
        target.busy_timeout = std::chrono::seconds(parse_unsigned(key, value));
      } else if (key == "connection_limit" || key == "max_connection_lifetime" ||
                 key == "max_idle_connection_lifetime") {
        parse_unsigned(key, value);  // checked as Prisma does; godwit keeps one connection
      }
    }
  }

  if (path == ":memory:") {
    target.file = path;
    return target;
  }
  std::filesystem::path file(path);
  if (file.is_relative()) {
    file =
        (base_dir.empty() ? std::filesystem::current_path() : std::filesystem::absolute(base_dir)) /
        file;
  }
  target.file = file.lexically_normal();
  std::error_code ec;
  if (std::filesystem::is_directory(target.file, ec)) {
    invalid_url("`" + target.file.string() + "` is a directory");
  }
  return target;
}

}  // namespace godwit::sqlite
