#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "migrate/checksum.hpp"
#include "migrate/migrations_dir.hpp"
#include "support/test_support.hpp"

namespace godwit::migrate {
namespace {
using test::TempDir;
using test::write_file;

TEST(MigrationOrder, TimestampsSortAsBytes) {
  EXPECT_TRUE(migration_name_less("20240101000000_a", "20240102000000_a"));
  EXPECT_FALSE(migration_name_less("20240102000000_a", "20240101000000_a"));
  EXPECT_TRUE(migration_name_less("01_init", "02_report"));
}

TEST(MigrationOrder, FollowsLocaleCompareForPunctuationAndCase) {
  // localeCompare: '_' sorts before digits (byte order puts it after them).
  EXPECT_TRUE(migration_name_less("20250625_add_pivot", "20250625123000_x"));
  // Case-insensitive first, lower case before upper case on ties.
  EXPECT_TRUE(migration_name_less("a_b", "B_a"));
  EXPECT_TRUE(migration_name_less("abc", "ABC"));
  EXPECT_FALSE(migration_name_less("ABC", "abc"));
  // A space sorts before everything printable: "x copy" before "x_copy".
  EXPECT_TRUE(migration_name_less("20240126184148_new_models copy", "20240126184148_new_models_x"));
  // Prefixes first.
  EXPECT_TRUE(migration_name_less("2024", "20240101"));
}

TEST(MigrationOrder, CorpusFolderOrderMatchesPrismaHistory) {
  // Prisma's deploy of langfuse applied the folders in this order (prisma-golden/history.tsv).
  auto dir = test::corpus_dir() / "langfuse__langfuse";
  GODWIT_REQUIRE_LIVE_PART(std::filesystem::exists(dir),
                           "the corpus " + dir.string() + " (../shared beside the repository)");
  auto listed = read_migrations_dir(dir / "migrations");
  auto golden = test::read_file(dir / "prisma-golden" / "history.tsv");
  std::vector<std::string> expected;
  std::size_t pos = golden.find('\n') + 1;
  while (pos < golden.size()) {
    auto tab = golden.find('\t', pos);
    expected.push_back(golden.substr(pos, tab - pos));
    pos = golden.find('\n', pos) + 1;
    if (pos == 0) break;
  }
  std::vector<std::string> names;
  for (const auto& m : listed.migrations)
    names.push_back(m.name);
  EXPECT_EQ(names, expected);
  EXPECT_EQ(listed.lock_provider, "postgresql");
}

TEST(LockFile, ReadsProviderLikePrisma) {
  EXPECT_EQ(read_lock_provider("# comment\nprovider = \"postgresql\"\n"), "postgresql");
  EXPECT_EQ(read_lock_provider("# c\r\nprovider = \"sqlite\""), "sqlite");  // no final newline
  EXPECT_EQ(read_lock_provider("provider=\"mysql\"\n"), "mysql");
  EXPECT_EQ(read_lock_provider("# nothing here\n"), "<PROVIDER NOT FOUND>");
}

TEST(LockFile, MismatchIsP3019AndPostgresAliasMatches) {
  TempDir tmp;
  write_file(tmp.path() / "migration_lock.toml", "provider = \"sqlite\"\n");
  auto dir = read_migrations_dir(tmp.path());
  try {
    check_lock_provider(dir, "postgresql");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P3019");
    EXPECT_NE(e.message().find("`postgresql`"), std::string::npos);
    EXPECT_NE(e.message().find("`sqlite`"), std::string::npos);
  }
  write_file(tmp.path() / "migration_lock.toml", "provider = \"postgresql\"\n");
  EXPECT_NO_THROW(check_lock_provider(read_migrations_dir(tmp.path()), "postgres"));
}

TEST(Folder, EverySubfolderIsAMigrationAndFilesAreIgnored) {
  TempDir tmp;
  write_file(tmp.path() / "20240101000000_init" / "migration.sql", "SELECT 1;\n");
  write_file(tmp.path() / "20240102000000_no_script" / "README.md", "oops\n");
  write_file(tmp.path() / ".hidden" / "migration.sql", "SELECT 2;\n");
  write_file(tmp.path() / "notes.txt", "not a migration\n");
  auto dir = read_migrations_dir(tmp.path());
  ASSERT_EQ(dir.migrations.size(), 3u);
  EXPECT_EQ(dir.migrations[0].name, ".hidden");
  EXPECT_EQ(dir.migrations[1].name, "20240101000000_init");
  EXPECT_EQ(dir.migrations[1].script.value_or(""), "SELECT 1;\n");
  EXPECT_EQ(dir.migrations[1].checksum, checksum_of("SELECT 1;\n"));
  EXPECT_EQ(dir.migrations[1].script_path(), tmp.path() / "20240101000000_init" / "migration.sql");
  EXPECT_FALSE(dir.migrations[2].script.has_value());
  EXPECT_TRUE(dir.migrations[2].checksum.empty());
  EXPECT_NE(dir.migrations[2].read_error.find("not found"), std::string::npos);
  EXPECT_FALSE(dir.has_lock_file);
  EXPECT_FALSE(read_migrations_dir(tmp.path() / "missing").exists);
}

// Prisma 7.10.1 reads such a name as `20240102000000_bad\uFFFD`, finds no migration.sql there
// and fails deploy with P3015 ("Could not find the migration file at migration.sql").
TEST(Folder, NameThatIsNotUtf8IsP3015NamingTheFolder) {
  TempDir tmp;
  write_file(tmp.path() / "20240101000000_init" / "migration.sql", "SELECT 1;\n");
  write_file(tmp.path() / "20240102000000_bad\xFF" / "migration.sql", "SELECT 2;\n");
  try {
    read_migrations_dir(tmp.path());
    FAIL() << "expected P3015";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P3015");
    std::string text = e.render();
    EXPECT_NE(text.find("`20240102000000_bad\\xFF`"), std::string::npos) << text;
    EXPECT_NE(text.find("not valid UTF-8 (byte 0xFF at offset 18)"), std::string::npos) << text;
    EXPECT_NE(text.find("Rename the folder"), std::string::npos) << text;
    EXPECT_EQ(text.find('\xFF'), std::string::npos) << "raw invalid bytes in the message";
  }
  // Valid non-ASCII names are fine.
  TempDir ok;
  write_file(ok.path() /
                 "20240101000000_b\xC3\xBC"
                 "cher" /
                 "migration.sql",
             "SELECT 1;\n");
  EXPECT_EQ(read_migrations_dir(ok.path()).migrations.size(), 1u);
}

TEST(ScriptText, KeepsBomAndReplacesInvalidUtf8LikeNode) {
  EXPECT_EQ(read_script_text("\xEF\xBB\xBFSELECT 1;"), "\xEF\xBB\xBFSELECT 1;");
  EXPECT_EQ(read_script_text("caf\xC3\xA9"), "caf\xC3\xA9");
  // A lone continuation byte and a truncated sequence each become one U+FFFD.
  EXPECT_EQ(read_script_text("a\x80z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(read_script_text("a\xE2\x82z"), "a\xEF\xBF\xBDz");
  // Latin-1 bytes (a common editor accident).
  EXPECT_EQ(read_script_text("caf\xE9;"), "caf\xEF\xBF\xBD;");
  // Surrogates encoded in UTF-8 are invalid: one replacement per byte.
  EXPECT_EQ(read_script_text("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Checksum, MatchesAcrossLineEndingsButNotTrailingNewline) {
  const std::string lf = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
  const std::string crlf = "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n";
  EXPECT_TRUE(checksum_matches(checksum_of(lf), lf));
  EXPECT_TRUE(checksum_matches(checksum_of(lf), crlf));
  EXPECT_TRUE(checksum_matches(checksum_of(crlf), lf));
  EXPECT_FALSE(checksum_matches(checksum_of(lf), lf.substr(0, lf.size() - 1)));
  EXPECT_FALSE(checksum_matches(checksum_of(lf), lf + "-- edited\n"));
}

TEST(Checksum, LegacyUnpaddedChecksumsStillMatch) {
  const std::string script = "hello";
  auto legacy = core::sha256_hex_legacy(script);
  ASSERT_LT(legacy.size(), 64u);
  EXPECT_TRUE(checksum_matches(legacy, script));
  EXPECT_FALSE(checksum_matches(legacy, "hello!"));
}

}  // namespace
}  // namespace godwit::migrate
