// Prisma PostgreSQL URLs -> libpq parameters, and connection failures -> Prisma's P-codes.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/url.hpp"
#include "support/test_support.hpp"

namespace godwit::postgres {
namespace {

std::string error_code_of(const std::string& url) {
  try {
    parse_url(url);
  } catch (const core::Error& e) {
    return e.code();
  }
  return "no error";
}

bool has_param(const ConnectionTarget& t, const std::string& key) {
  for (const auto& [k, v] : t.libpq_params) {
    if (k == key) return true;
  }
  return false;
}

TEST(PostgresUrl, ReadsEveryPartAndDecodesCredentials) {
  auto t =
      parse_url("postgresql://bob%2Bx:s%40cr%3Aet@db.example.com:6543/my%20app?schema=tenant1");
  EXPECT_EQ(t.host, "db.example.com");
  EXPECT_EQ(t.port, 6543);
  EXPECT_EQ(t.database, "my app");
  EXPECT_EQ(t.user, "bob+x");
  EXPECT_EQ(t.schema, "tenant1");
  EXPECT_EQ(t.param("host"), "db.example.com");
  EXPECT_EQ(t.param("port"), "6543");
  EXPECT_EQ(t.param("dbname"), "my app");
  EXPECT_EQ(t.param("user"), "bob+x");
  EXPECT_EQ(t.param("password"), "s@cr:et");
  EXPECT_EQ(t.param("options"), "-c search_path=\"tenant1\"");
  EXPECT_EQ(t.param("client_encoding"), "UTF8");
  EXPECT_EQ(t.redacted(), "postgresql://bob%2Bx:****@db.example.com:6543/my%20app?schema=tenant1");
}

// Issue 8: `?schema=` (empty) is the default schema, as Prisma reads it (the oracle deploys into
// public).
TEST(PostgresUrl, EmptySchemaParameterIsPublic) {
  EXPECT_EQ(parse_url("postgresql://h/d?schema=").schema, "public");
  EXPECT_EQ(parse_url("postgresql://h/d?schema=&sslmode=disable").schema, "public");
  EXPECT_EQ(parse_url("postgresql://h/d?schema=s").schema, "s");
}

TEST(PostgresUrl, PrismaDefaults) {
  auto t = parse_url("postgres://h");
  EXPECT_EQ(t.host, "h");
  EXPECT_EQ(t.port, 5432);
  EXPECT_EQ(t.database, "postgres");
  EXPECT_EQ(t.schema, "public");
  EXPECT_EQ(t.connect_timeout, std::chrono::seconds(5));
  EXPECT_FALSE(t.pgbouncer);
  EXPECT_EQ(t.param("sslmode"), "prefer");
  EXPECT_FALSE(has_param(t, "user"));
  EXPECT_FALSE(has_param(t, "password"));
  EXPECT_EQ(t.param("options"), "-c search_path=\"public\"");

  // No host: Prisma connects to localhost over TCP, not libpq's default socket.
  auto local = parse_url("postgresql:///db");
  EXPECT_EQ(local.host, "localhost");
  EXPECT_EQ(local.param("host"), "localhost");
  EXPECT_EQ(local.database, "db");
}

TEST(PostgresUrl, SocketDirectoryFromHostParameter) {
  auto t = parse_url("postgresql:///dbname?host=%2Fvar%2Frun%2Fpostgresql");
  EXPECT_EQ(t.host, "/var/run/postgresql");
  EXPECT_EQ(t.param("host"), "/var/run/postgresql");
  EXPECT_EQ(t.database, "dbname");
}

TEST(PostgresUrl, Ipv6HostWithoutBrackets) {
  auto t = parse_url("postgresql://u@[2001:db8:1234::ffff]:5433/d");
  EXPECT_EQ(t.host, "2001:db8:1234::ffff");
  EXPECT_EQ(t.port, 5433);
  EXPECT_EQ(parse_url("postgresql://[::1]/d").host, "::1");
}

TEST(PostgresUrl, UnescapedAtInPasswordSplitsAtTheLastAt) {
  auto t = parse_url("postgresql://u:p@ss@host/db");
  EXPECT_EQ(t.user, "u");
  EXPECT_EQ(t.param("password"), "p@ss");
  EXPECT_EQ(t.host, "host");
}

TEST(PostgresUrl, QueryIsFormDecodedAndTheLastOccurrenceWins) {
  auto t = parse_url("postgresql://h/d?application_name=my+app&schema=a&schema=b");
  EXPECT_EQ(t.param("application_name"), "my app");
  EXPECT_EQ(t.schema, "b");
}

TEST(PostgresUrl, SearchPathEscaping) {
  EXPECT_EQ(search_path_option("public"), "-c search_path=\"public\"");
  EXPECT_EQ(search_path_option("my schema"), "-c search_path=\"my\\ schema\"");
  EXPECT_EQ(search_path_option("we\"ird"), "-c search_path=\"we\"\"ird\"");
  EXPECT_EQ(search_path_option("back\\slash"), "-c search_path=\"back\\\\slash\"");
}

TEST(PostgresUrl, UserOptionsComeFirstThenTheSearchPath) {
  auto t = parse_url("postgresql://h/d?options=-c%20statement_timeout%3D5000&schema=s");
  EXPECT_EQ(t.param("options"), "-c statement_timeout=5000 -c search_path=\"s\"");
}

TEST(PostgresUrl, PgbouncerLeavesTheSearchPathToASet) {
  auto t = parse_url("postgresql://h/d?pgbouncer=true&schema=s");
  EXPECT_TRUE(t.pgbouncer);
  EXPECT_FALSE(has_param(t, "options"));
  EXPECT_EQ(t.schema, "s");
}

TEST(PostgresUrl, SslModes) {
  EXPECT_EQ(parse_url("postgresql://h/d?sslmode=require").param("sslmode"), "require");
  EXPECT_EQ(parse_url("postgresql://h/d?sslmode=disable").param("sslmode"), "disable");
  // Prisma falls back to prefer for modes it does not know.
  EXPECT_EQ(parse_url("postgresql://h/d?sslmode=verify-ca").param("sslmode"), "prefer");
  EXPECT_EQ(
      parse_url("postgresql://h/d?sslmode=require&sslaccept=accept_invalid_certs").param("sslmode"),
      "require");
  EXPECT_EQ(parse_url("postgresql://h/d?sslmode=require&sslaccept=strict").param("sslmode"),
            "verify-full");
  // An unknown sslaccept is strict in Prisma.
  EXPECT_EQ(parse_url("postgresql://h/d?sslaccept=bogus").param("sslmode"), "verify-full");
  EXPECT_EQ(parse_url("postgresql://h/d?sslmode=disable&sslaccept=strict").param("sslmode"),
            "disable");
}

// Prisma's engine has no GSSAPI encryption; godwit asks libpq for it only when told to.
TEST(PostgresUrl, GssEncryptionOnlyWhenAsked) {
  test::ScopedEnv unset("PGGSSENCMODE", nullptr);
  EXPECT_EQ(parse_url("postgresql://h/d").param("gssencmode"), "disable");
  auto asked = parse_url("postgresql://h/d?gssencmode=prefer");
  EXPECT_EQ(asked.param("gssencmode"), "prefer");
  int entries = 0;
  for (const auto& [k, v] : asked.libpq_params)
    entries += k == "gssencmode";
  EXPECT_EQ(entries, 1);
  test::ScopedEnv from_env("PGGSSENCMODE", "require");
  EXPECT_FALSE(has_param(parse_url("postgresql://h/d"), "gssencmode"));
}

TEST(PostgresUrl, SslCertIsTheRootCertificateResolvedAgainstTheBaseDir) {
  auto strict = parse_url("postgresql://h/d?sslmode=require&sslaccept=strict&sslcert=../ca.pem",
                          "/proj/prisma");
  EXPECT_EQ(strict.param("sslrootcert"), "/proj/ca.pem");
  auto absolute = parse_url("postgresql://h/d?sslaccept=strict&sslcert=/etc/ca.pem", "/proj");
  EXPECT_EQ(absolute.param("sslrootcert"), "/etc/ca.pem");
  // Prisma's default accepts any certificate: the CA file is not used for verification.
  auto lax = parse_url("postgresql://h/d?sslmode=require&sslcert=ca.pem", "/proj");
  EXPECT_FALSE(has_param(lax, "sslrootcert"));
}

TEST(PostgresUrl, SslIdentityIsRefusedClearly) {
  try {
    parse_url("postgresql://u:pw@h/d?sslidentity=id.p12&sslpassword=secret");
    FAIL() << "expected GW1300";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW1300");
    EXPECT_NE(e.message().find("sslidentity"), std::string::npos);
    EXPECT_EQ(e.render().find("secret"), std::string::npos);
  }
}

TEST(PostgresUrl, TimeoutsAndPoolParameters) {
  EXPECT_EQ(parse_url("postgresql://h/d?connect_timeout=0").connect_timeout.count(), 0);
  EXPECT_EQ(parse_url("postgresql://h/d?connect_timeout=12").connect_timeout.count(), 12);
  auto t = parse_url(
      "postgresql://h/d?connection_limit=3&pool_timeout=0&statement_cache_size=0&socket_timeout="
      "30&max_connection_lifetime=60&max_idle_connection_lifetime=5");
  for (const char* key : {"connection_limit", "pool_timeout", "statement_cache_size",
                          "socket_timeout", "connect_timeout"}) {
    EXPECT_FALSE(has_param(t, key)) << key;
  }
  EXPECT_EQ(error_code_of("postgresql://h/d?connect_timeout=soon"), "P1013");
  EXPECT_EQ(error_code_of("postgresql://h/d?connection_limit=-1"), "P1013");
  EXPECT_EQ(error_code_of("postgresql://h/d?socket_timeout=1.5"), "P1013");
  EXPECT_EQ(error_code_of("postgresql://h/d?pgbouncer=yes"), "P1013");
}

TEST(PostgresUrl, UnknownParametersGoToLibpqOnlyWhenLibpqKnowsThem) {
  auto t = parse_url(
      "postgresql://u:pw@h/d?target_session_attrs=read-write&keepalives_idle=30&foo=bar&"
      "client_encoding=LATIN1&dbname=other&password=x&replication=true");
  EXPECT_EQ(t.param("target_session_attrs"), "read-write");
  EXPECT_EQ(t.param("keepalives_idle"), "30");
  EXPECT_FALSE(has_param(t, "foo"));
  EXPECT_FALSE(has_param(t, "replication"));
  EXPECT_EQ(t.param("client_encoding"), "UTF8");
  EXPECT_EQ(t.param("dbname"), "d");
  EXPECT_EQ(t.param("password"), "pw");
}

TEST(PostgresUrl, InvalidUrlsAreP1013WithoutThePassword) {
  for (const char* url : {
           "postgresql://u:supersecret@host:notaport/db",
           "postgresql://u:supersecret@host:99999/db",
           "postgresql://u:supersecret@[::1/db",
           "postgresql://u:supersecret@[zz::1]/db",
           "postgresql://u:supersecret@ho st/db",
           "mysql://u:supersecret@h/db",
           "u:supersecret@h/db",
       }) {
    try {
      parse_url(url);
      ADD_FAILURE() << "accepted " << url;
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), "P1013") << url;
      EXPECT_EQ(e.message().rfind("The provided database string is invalid. ", 0), 0u) << url;
      EXPECT_EQ(e.render().find("supersecret"), std::string::npos) << url;
    }
  }
}

TEST(PostgresUrl, RedactsEveryPassword) {
  auto t = parse_url("postgresql://u:pw1@h/d?sslpassword=pw2&password=pw3");
  EXPECT_EQ(t.redacted(), "postgresql://u:****@h/d?sslpassword=****&password=****");
}

TEST(PostgresUrl, WithDatabaseKeepsEverythingElse) {
  auto t = parse_url("postgresql://u:pw@h:1/app?schema=s");
  auto admin = t.with_database("postgres");
  EXPECT_EQ(admin.database, "postgres");
  EXPECT_EQ(admin.param("dbname"), "postgres");
  EXPECT_EQ(admin.param("password"), "pw");
  EXPECT_EQ(admin.schema, "s");
  EXPECT_EQ(admin.redacted(), "postgresql://u:****@h:1/postgres?schema=s");
  EXPECT_EQ(parse_url("postgresql://h").with_database("a b").redacted(), "postgresql://h/a%20b");
}

// --- connection failures ---------------------------------------------------------------

ConnectionTarget sample() {
  return parse_url("postgresql://bob:hunter2@db:5432/app");
}

TEST(PostgresConnectError, FindsTheSqlstateInVerboseMessages) {
  EXPECT_EQ(sqlstate_of_connect_message(
                "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  3D000: "
                "database \"x\" does not exist\nLOCATION:  InitPostgres, postinit.c:948\n"),
            "3D000");
  EXPECT_EQ(sqlstate_of_connect_message("connection to server at \"h\", port 1 failed: "
                                        "Connection refused"),
            "");
}

TEST(PostgresConnectError, AuthenticationIsP1000) {
  auto e = connect_error(sample(), "28P01",
                         "connection to server at \"db\", port 5432 failed: FATAL:  28P01: "
                         "password authentication failed for user \"bob\"",
                         false);
  EXPECT_EQ(e.code(), "P1000");
  EXPECT_EQ(e.message(),
            "Authentication failed against database server at `db`, the provided database "
            "credentials for `bob` are not valid.\n\nPlease make sure to provide valid database "
            "credentials for the database server at `db`.");
  EXPECT_NE(e.hint().find("password authentication failed for user \"bob\""), std::string::npos);
  EXPECT_EQ(e.hint().find("28P01:"), std::string::npos);
  // libpq gives up by itself when the server asks for a password and the URL has none.
  EXPECT_EQ(connect_error(sample(), "", "fe_sendauth: no password supplied", false).code(),
            "P1000");
}

TEST(PostgresConnectError, MissingDatabaseIsP1003) {
  auto e =
      connect_error(sample(), "3D000", "FATAL:  3D000: database \"app\" does not exist", false);
  EXPECT_EQ(e.code(), "P1003");
  EXPECT_EQ(e.message(), "Database `app` does not exist on the database server at `db:5432`.");
}

TEST(PostgresConnectError, AccessDeniedIsP1010) {
  for (const char* state : {"28000", "42501"}) {
    auto e =
        connect_error(sample(), state, "FATAL:  role \"bob\" is not permitted to log in", false);
    EXPECT_EQ(e.code(), "P1010");
    EXPECT_EQ(e.message(), "User `bob` was denied access on the database `app.public`");
  }
}

TEST(PostgresConnectError, TlsIsP1011) {
  auto e = connect_error(sample(), "",
                         "connection to server at \"db\" (10.0.0.1), port 5432 failed: server "
                         "does not support SSL, but SSL was required\n",
                         false);
  EXPECT_EQ(e.code(), "P1011");
  EXPECT_EQ(e.message(),
            "Error opening a TLS connection: server does not support SSL, but SSL was required");
}

TEST(PostgresConnectError, UnreachableAndTimeoutAreP1001) {
  auto refused = connect_error(sample(), "",
                               "connection to server at \"db\", port 5432 failed: Connection "
                               "refused\n\tIs the server running on that host and accepting "
                               "TCP/IP connections?\n",
                               false);
  EXPECT_EQ(refused.code(), "P1001");
  EXPECT_EQ(refused.message(),
            "Can't reach database server at `db:5432`\n\nPlease make sure your database "
            "server is running at `db:5432`.");
  EXPECT_NE(refused.hint().find("Connection refused"), std::string::npos);
  auto timeout = connect_error(sample(), "", "", true);
  EXPECT_EQ(timeout.code(), "P1001");
  EXPECT_NE(timeout.hint().find("5s"), std::string::npos);
}

TEST(PostgresConnectError, OtherRefusalsKeepTheirSqlstate) {
  auto e =
      connect_error(sample(), "53300", "FATAL:  53300: sorry, too many clients already", false);
  EXPECT_EQ(e.code(), "GW1301");
  EXPECT_NE(e.message().find("sorry, too many clients already"), std::string::npos);
  EXPECT_NE(e.message().find("53300"), std::string::npos);
  EXPECT_EQ(e.render().find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace godwit::postgres
