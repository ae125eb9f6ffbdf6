#include "dialect/postgres/connect/url.hpp"

#include "dialect/postgres/connect/libpq.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"

namespace godwit::postgres {
namespace {

// Prisma's P1013 text (ENG `invalid_connection_string_description`); the URL itself is not
// repeated, so no password can leak through it.
[[noreturn]] void invalid_url(std::string_view detail) {
  throw core::Error(
      "P1013",
      "The provided database string is invalid. " + std::string(detail) +
          " in database URL. Please refer to the documentation in "
          "https://www.prisma.io/docs/reference/database-reference/connection-urls for "
          "constructing a correct connection string. In some cases, certain characters must be "
          "escaped. Please check the string for any illegal characters.");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && core::iequals(text.substr(0, prefix.size()), prefix);
}

// Characters the URL standard forbids in an opaque host (what Prisma's `url` crate applies
// to `postgresql://` URLs).
bool forbidden_host_char(char c) {
  return std::string_view("\t\n\r #/:<>?@[\\]^|").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) < 0x20;
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

// The parts of the URL before the query string.
struct Authority {
  std::string user;
  std::optional<std::string> password;
  std::string host;  // decoded, no brackets
  int port = 5432;
};

Authority parse_authority(std::string_view authority) {
  Authority out;
  auto at = authority.rfind('@');
  std::string_view hostport = authority;
  if (at != std::string_view::npos) {
    auto userinfo = authority.substr(0, at);
    hostport = authority.substr(at + 1);
    auto colon = userinfo.find(':');
    out.user = percent_decode(userinfo.substr(0, colon));
    if (colon != std::string_view::npos) out.password = percent_decode(userinfo.substr(colon + 1));
  }
  std::string_view port_text;
  if (!hostport.empty() && hostport.front() == '[') {
    auto close = hostport.find(']');
    if (close == std::string_view::npos) invalid_url("invalid IPv6 address");
    auto addr = hostport.substr(1, close - 1);
    bool ok = addr.find(':') != std::string_view::npos &&
              std::all_of(addr.begin(), addr.end(), [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
              });
    if (!ok) invalid_url("invalid IPv6 address");
    out.host = std::string(addr);
    auto rest = hostport.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') invalid_url("invalid port number");
      port_text = rest.substr(1);
    }
  } else {
    auto colon = hostport.find(':');
    auto host = hostport.substr(0, colon);
    if (std::any_of(host.begin(), host.end(), forbidden_host_char)) {
      invalid_url("invalid domain character");
    }
    out.host = percent_decode(host);
    if (colon != std::string_view::npos) port_text = hostport.substr(colon + 1);
  }
  if (!port_text.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || value > 65535) {
      invalid_url("invalid port number");
    }
    out.port = static_cast<int>(value);
  }
  return out;
}

// Every keyword this libpq accepts, from pq::PQconndefaults().
const std::set<std::string>& libpq_keywords() {
  static const std::set<std::string> keywords = [] {
    std::set<std::string> out;
    std::unique_ptr<PQconninfoOption, decltype(pq::Api::PQconninfoFree)> opts(
        pq::PQconndefaults(), pq::api().PQconninfoFree);
    for (auto* o = opts.get(); o && o->keyword; ++o)
      out.insert(o->keyword);
    return out;
  }();
  return keywords;
}

// Parameters Prisma interprets itself, or that godwit must control (a libpq keyword of the
// same name in the query string is not passed through).
bool handled_by_godwit(std::string_view key) {
  static const std::set<std::string, std::less<>> keys = {
      // Prisma's own parameters
      "schema", "sslmode", "sslcert", "sslidentity", "sslpassword", "sslaccept", "connect_timeout",
      "host", "application_name", "options", "channel_binding", "pgbouncer", "connection_limit",
      "pool_timeout", "statement_cache_size", "socket_timeout", "max_connection_lifetime",
      "max_idle_connection_lifetime",
      // taken from the URL's authority and path, or fixed by godwit
      "dbname", "user", "password", "port", "client_encoding", "replication",
      "fallback_application_name", "sslrootcert"};
  return keys.count(key) > 0;
}

std::string replace_url_path(std::string_view url, std::string_view new_db) {
  auto scheme = url.find("://");
  auto start = scheme == std::string_view::npos ? 0 : scheme + 3;
  auto path = url.find_first_of("/?#", start);
  std::string out(url.substr(0, path == std::string_view::npos ? url.size() : path));
  std::size_t rest = url.size();
  if (path != std::string_view::npos) {
    rest = url[path] == '/' ? url.find_first_of("?#", path) : path;
    if (rest == std::string_view::npos) rest = url.size();
  }
  out += '/';
  for (unsigned char c : new_db) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  out.append(url.substr(rest));
  return out;
}

std::string redact(std::string_view url) {
  std::string out = core::redact_url(url);
  // core::redact_url leaves `sslpassword=` alone (it only matches a bare `password=`).
  for (std::size_t pos = 0; (pos = out.find("sslpassword=", pos)) != std::string::npos;) {
    auto start = pos + 12;
    auto end = out.find_first_of("&#", start);
    if (end == std::string::npos) end = out.size();
    out.replace(start, end - start, "****");
    pos = start + 4;
  }
  return out;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string search_path_option(std::string_view schema) {
  std::string ident = "\"" + core::replace_all(schema, "\"", "\"\"") + "\"";
  std::string out = "-c search_path=";
  for (char c : ident) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

ConnectionTarget ConnectionTarget::with_database(std::string_view name) const {
  ConnectionTarget out = *this;
  out.database = std::string(name);
  for (auto& [key, value] : out.libpq_params) {
    if (key == "dbname") value = std::string(name);
  }
  out.url_redacted = replace_url_path(url_redacted, name);
  return out;
}

std::string ConnectionTarget::param(std::string_view keyword) const {
  for (const auto& [key, value] : libpq_params) {
    if (key == keyword) return value;
  }
  return {};
}

ConnectionTarget parse_url(std::string_view url, const std::filesystem::path& base_dir) {
  ConnectionTarget target;
  target.url_redacted = redact(url);

  std::string_view rest;
  if (starts_with_icase(url, "postgresql://")) {
    rest = url.substr(13);
  } else if (starts_with_icase(url, "postgres://")) {
    rest = url.substr(11);
  } else {
    invalid_url("The URL must start with the protocol `postgresql://` or `postgres://`");
  }
  rest = rest.substr(0, rest.find('#'));
  auto authority_end = rest.find_first_of("/?");
  auto authority = rest.substr(0, authority_end);
  std::string_view path, query;
  if (authority_end != std::string_view::npos) {
    auto tail = rest.substr(authority_end);
    auto q = tail.find('?');
    path = tail.substr(0, q);
    if (q != std::string_view::npos) query = tail.substr(q + 1);
  }

  Authority auth = parse_authority(authority);
  target.user = auth.user;
  target.port = auth.port;
  if (!auth.host.empty()) target.host = auth.host;
  if (path.size() > 1) {
    auto segment = path.substr(1);
    segment = segment.substr(0, segment.find('/'));
    if (!segment.empty()) target.database = percent_decode(segment);
  }

  // Query parameters, form-decoded as Prisma's `query_pairs()`; the last occurrence wins.
  std::map<std::string, std::string> params;
  std::vector<std::string> order;
  if (!query.empty()) {
    for (const auto& pair : core::split(query, '&')) {
      if (pair.empty()) continue;
      auto eq = pair.find('=');
      auto key = percent_decode(std::string_view(pair).substr(0, eq), true);
      auto value = eq == std::string::npos
                       ? std::string()
                       : percent_decode(std::string_view(pair).substr(eq + 1), true);
      if (!params.count(key)) order.push_back(key);
      params[key] = value;
    }
  }
  auto get = [&](const char* key) -> std::optional<std::string> {
    auto it = params.find(key);
    if (it == params.end()) return std::nullopt;
    return it->second;
  };

  // Checked as Prisma checks them; godwit has no pool, so they are otherwise unused.
  for (const char* key :
       {"connection_limit", "pool_timeout", "statement_cache_size", "socket_timeout",
        "max_connection_lifetime", "max_idle_connection_lifetime"}) {
    if (auto v = get(key)) parse_unsigned(key, *v);
  }
  if (auto v = get("pgbouncer")) {
    if (*v != "true" && *v != "false") {
      invalid_url("Invalid value for the `pgbouncer` parameter: expected `true` or `false`");
    }
    target.pgbouncer = *v == "true";
  }
  if (auto v = get("connect_timeout")) {
    target.connect_timeout = std::chrono::seconds(parse_unsigned("connect_timeout", *v));
  }
  // An empty `?schema=` means the default, as in Prisma (quaint keeps "public" then).
  if (auto v = get("schema"); v && !v->empty()) target.schema = *v;
  if (auto v = get("host"); v && !v->empty()) target.host = *v;
  if (get("sslidentity")) {
    throw core::Error(
        "GW1300",
        "The `sslidentity` parameter (a PKCS#12 client identity) is not supported by godwit.",
        "libpq reads client certificates as PEM files: convert the identity with "
        "`openssl pkcs12 -in identity.p12 -out client.crt -clcerts -nokeys` and "
        "`openssl pkcs12 -in identity.p12 -out client.key -nocerts -nodes`, then connect with "
        "the PGSSLCERT and PGSSLKEY environment variables set to those files.");
  }

  auto& out = target.libpq_params;
  out.emplace_back("host", target.host);
  out.emplace_back("port", std::to_string(target.port));
  out.emplace_back("dbname", target.database);
  if (!target.user.empty()) out.emplace_back("user", target.user);
  if (auth.password) out.emplace_back("password", *auth.password);
  out.emplace_back("client_encoding", "UTF8");
  out.emplace_back("fallback_application_name", "godwit");
  if (auto v = get("application_name")) out.emplace_back("application_name", *v);

  // TLS. Prisma's modes are disable/prefer/require (anything else: prefer) and by default it
  // accepts any certificate; `sslaccept=strict` (or an unknown value) verifies the chain and
  // the host name, which is libpq's verify-full.
  std::string ssl_mode = get("sslmode").value_or("prefer");
  if (ssl_mode != "disable" && ssl_mode != "prefer" && ssl_mode != "require") ssl_mode = "prefer";
  auto accept = get("sslaccept");
  bool strict = accept && *accept != "accept_invalid_certs";
  if (strict && ssl_mode != "disable") ssl_mode = "verify-full";
  out.emplace_back("sslmode", ssl_mode);
  if (auto cert = get("sslcert"); cert && strict) {
    std::filesystem::path p(*cert);
    if (p.is_relative() && !base_dir.empty()) p = (base_dir / p).lexically_normal();
    out.emplace_back("sslrootcert", p.string());
  }
  if (auto v = get("channel_binding"); v && libpq_keywords().count("channel_binding")) {
    if (*v == "disable" || *v == "prefer" || *v == "require") {
      out.emplace_back("channel_binding", *v);
    }
  }

  // GSSAPI encryption: Prisma's engine has none. libpq's default ("prefer") initialises
  // Kerberos on every connection (~9 ms here) only to be refused by most servers, so godwit asks
  // for it only when the URL (`gssencmode=`) or PGGSSENCMODE does. (Every libpq since 12 knows
  // the keyword; checking would load libpq just to print the header.)
  if (!get("gssencmode") && std::getenv("PGGSSENCMODE") == nullptr) {
    out.emplace_back("gssencmode", "disable");
  }

  std::string options = get("options").value_or("");
  if (!target.pgbouncer) {
    if (!options.empty()) options += ' ';
    options += search_path_option(target.schema);
  }
  if (!options.empty()) out.emplace_back("options", options);

  for (const auto& key : order) {
    if (handled_by_godwit(key) || !libpq_keywords().count(key)) continue;
    out.emplace_back(key, params[key]);
  }
  return target;
}

}  // namespace godwit::postgres
