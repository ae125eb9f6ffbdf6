#pragma once
// Prisma PostgreSQL connection URLs -> libpq connection parameters.
//
// Follows Prisma's URL reading (ENG quaint `connector/postgres/url.rs`): the same defaults
// (host "localhost", port 5432, database "postgres", schema "public", connect_timeout 5 s,
// sslmode prefer, sslaccept accept_invalid_certs), the same query parameters, the same
// "last occurrence wins" and unknown parameters ignored. Errors are P1013 with Prisma's
// wording (prisma-compat.md §6) and never contain the password.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace godwit::postgres {

/// Where and how to connect, read from a `postgresql://` / `postgres://` URL.
struct ConnectionTarget {
  /// For messages: the `host` query parameter (a host or a Unix socket directory) if given,
  /// else the URL's host (IPv6 without brackets), else "localhost".
  std::string host = "localhost";
  int port = 5432;
  std::string database = "postgres";  ///< first path segment, percent-decoded
  std::string user;                   ///< percent-decoded; empty: libpq uses the OS user
  std::string schema = "public";      ///< `schema` parameter: becomes the search path
  /// `pgbouncer=true`: PgBouncer rejects the `options` startup parameter, so the search path
  /// is set with a SET after connecting instead.
  bool pgbouncer = false;
  /// `connect_timeout` in seconds (Prisma default 5); zero means no limit.
  std::chrono::seconds connect_timeout{5};
  /// The URL as given with its passwords (user info, `password=`, `sslpassword=`) replaced by
  /// "****": the only form of the URL fit for output.
  std::string url_redacted;
  /// keyword/value pairs for PQconnectdbParams (expand_dbname = 0). Holds the password:
  /// never print these.
  std::vector<std::pair<std::string, std::string>> libpq_params;

  const std::string& redacted() const { return url_redacted; }

  /// The same server and settings, another database (the admin database to create a
  /// database from, or a shadow database).
  ConnectionTarget with_database(std::string_view name) const;

  /// The libpq parameter `keyword`, or empty.
  std::string param(std::string_view keyword) const;
};

/// Parses a Prisma PostgreSQL URL.
/// - `base_dir`: relative certificate paths (`sslcert`) are resolved against it, as Prisma
///   resolves them against the schema's folder; empty = leave them relative to the cwd.
/// Parameters (Prisma's names): `schema`, `sslmode` (disable|prefer|require, others ->
/// prefer), `sslaccept` (accept_invalid_certs = no verification; strict = libpq verify-full),
/// `sslcert` (the CA file that verifies the server: libpq `sslrootcert`), `sslidentity`
/// (PKCS#12: unsupported, GW1300), `sslpassword` (only with `sslidentity`), `connect_timeout`,
/// `host`, `application_name`, `options`, `channel_binding`, `pgbouncer`. Pool parameters
/// (`connection_limit`, `pool_timeout`, `statement_cache_size`, `socket_timeout`,
/// `max_connection_lifetime`, `max_idle_connection_lifetime`) are checked like Prisma checks
/// them and otherwise ignored. Other parameters go to libpq when libpq knows the keyword
/// (PQconndefaults), else are ignored.
/// Errors: P1013 for an unparseable URL or a malformed numeric/boolean parameter;
/// GW1300 for `sslidentity`.
ConnectionTarget parse_url(std::string_view url, const std::filesystem::path& base_dir = {});

/// The libpq `options` value that sets the search path to exactly `schema`:
/// `-c search_path="<schema>"`, with '"' doubled for the identifier and white space and '\'
/// backslash-escaped for the server's options splitter.
std::string search_path_option(std::string_view schema);

/// `text` percent-decoded (invalid escapes kept as written); with `plus_is_space`, '+' is a
/// space (form encoding, as in query strings).
std::string percent_decode(std::string_view text, bool plus_is_space = false);

}  // namespace godwit::postgres
