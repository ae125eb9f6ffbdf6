// prisma.config.ts read by godwit and by the real Prisma 7 CLI on the same project, from the
// project folder and from a subfolder (--config ../prisma.config.ts): both must touch the same
// SQLite file. This is what fixes where a relative `file:` URL resolves (the config file's
// folder) and which `.env` `import "dotenv/config"` loads (the current directory's).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

// The SQLite files below `root` (node_modules left out), relative to it, with their tables,
// sorted.
std::vector<std::string> sqlite_files(const fs::path& root) {
  std::vector<std::string> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->path().filename() == "node_modules") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() != ".db") continue;
    // The file and its tables: which schema and migrations folder were used shows too.
    auto tables = sqlite3_cli(it->path(),
                              "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master "
                              "WHERE type = 'table' ORDER BY name)");
    out.push_back(fs::relative(it->path(), root).string() + ": " + tables);
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  std::string name;
  std::string config;                                      // prisma.config.ts
  std::vector<std::pair<std::string, std::string>> files;  // extra files (path, text)
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

// Writes the project into `root`: a SQLite schema without url, one migration, the config.
void write_project(const fs::path& root, const Case& c) {
  write_file(root / "prisma" / "schema.prisma",
             "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel A {\n  id Int @id\n}\n");
  write_file(root / "prisma" / "migrations" / "0_init" / "migration.sql",
             "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  write_file(root / "prisma" / "migrations" / "migration_lock.toml", "provider = \"sqlite\"\n");
  write_file(root / "prisma.config.ts", c.config);
  for (const auto& [path, text] : c.files)
    write_file(root / path, text);
  fs::create_directories(root / "sub");
  // `import … from "prisma/config"` and "dotenv/config" resolve from the project's
  // node_modules: the oracle's own.
  auto modules = fs::path(prisma_oracle()).parent_path() / "node_modules";
  if (fs::exists(modules)) fs::create_directory_symlink(modules, root / "node_modules");
}

// Runs `migrate deploy` with `tool` ("godwit" or "prisma") in `root`/`where`; returns the
// SQLite files created.
std::vector<std::string> run_in(const Case& c, const std::string& tool, const std::string& where) {
  TempDir dir;
  write_project(dir.path(), c);
  std::vector<std::string> args = {"migrate", "deploy"};
  auto cwd = dir.path();
  if (where == "sub") {
    cwd /= "sub";
    args.push_back("--config");
    args.push_back("../prisma.config.ts");
  }
  std::vector<std::string> env = {"DATABASE_URL=", "PRISMA_HIDE_UPDATE_MESSAGE=1"};
  CommandResult r;
  if (tool == "godwit") {
    r = run_godwit(args, env, cwd);
  } else {
    args.insert(args.begin(), prisma_oracle());
    r = run_command(args, env, cwd);
  }
  EXPECT_EQ(r.exit_code, 0) << tool << " in " << where << " (" << c.name << ")\n" << r.out << r.err;
  return sqlite_files(dir.path());
}

class ConfigInterop : public ::testing::TestWithParam<Case> {};

TEST_P(ConfigInterop, SameSqliteFileAsPrisma) {
  GODWIT_REQUIRE_ORACLE();
  const auto& c = GetParam();
  for (std::string where : {"root", "sub"}) {
    auto prisma = run_in(c, "prisma", where);
    auto godwit = run_in(c, "godwit", where);
    EXPECT_FALSE(prisma.empty()) << where;
    EXPECT_EQ(godwit, prisma) << "from the " << where << " folder";
  }
}

const Case kCases[] = {
    {"literal",
     "import { defineConfig } from \"prisma/config\";\n"
     "export default defineConfig({\n"
     "  schema: \"prisma/schema.prisma\",\n"
     "  migrations: { path: \"prisma/migrations\" },\n"
     "  datasource: { url: \"file:./dev.db\" },\n"
     "});\n",
     {}},
    {"nested_path",
     "export default {\n"
     "  schema: 'prisma/schema.prisma',\n"
     "  migrations: { path: 'prisma/migrations' },\n"
     "  datasource: { url: 'file:./prisma/nested.db' },\n"
     "} satisfies Record<string, unknown>\n",
     {}},
    {"dotenv",
     "import \"dotenv/config\";\n"
     "import { defineConfig, env } from \"prisma/config\";\n"
     "export default defineConfig({\n"
     "  schema: \"prisma/schema.prisma\",\n"
     "  migrations: { path: \"prisma/migrations\" },\n"
     "  datasource: { url: env(\"DATABASE_URL\") },\n"
     "});\n",
     {{".env", "DATABASE_URL=\"file:./root.db\"\n"}, {"sub/.env", "DATABASE_URL=file:./sub.db\n"}}},
    {"const_process_env",
     "import 'dotenv/config'\n"
     "const config = {\n"
     "  schema: `prisma/schema.prisma`,\n"
     "  migrations: { path: `prisma/migrations` },\n"
     "  datasource: { url: process.env.DATABASE_URL! },\n"
     "}\n"
     "export default config\n",
     {{".env", "\xEF\xBB\xBF# with a byte-order mark\nDATABASE_URL=file:./bom.db\n"},
      {"sub/.env", "DATABASE_URL='file:./sub/relative.db'\n"}}},
    // No `schema` nor `migrations`: Prisma looks for prisma/schema.prisma next to the config
    // (also from a subfolder that has its own prisma/schema.prisma).
    {"defaults",
     "export default {\n  datasource: { url: 'file:./defaults.db' },\n}\n",
     {{"sub/prisma/schema.prisma",
       "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel B {\n  "
       "id Int @id\n}\n"}}},
};

INSTANTIATE_TEST_SUITE_P(Cases, ConfigInterop, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

// godwit refuses, with the line, what it cannot read (Prisma would run the file).
TEST(ConfigCli, ComputedValueIsAClearError) {
  TempDir dir;
  write_project(dir.path(), {"x",
                             "import path from 'node:path'\n"
                             "export default {\n"
                             "  schema: path.join('prisma', 'schema.prisma'),\n"
                             "}\n",
                             {}});
  auto r = run_godwit({"migrate", "status"}, {"DATABASE_URL=file:./x.db"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW2020"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("prisma.config.ts:3: `schema`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--schema"), std::string::npos) << r.err;
  // --schema does not help: the file is still read for the other settings; --config with
  // another file does.
  write_file(dir.path() / "static.config.ts",
             "export default { schema: 'prisma/schema.prisma', datasource: { url: "
             "'file:./static.db' } }\n");
  r = run_godwit({"migrate", "deploy", "--config", "static.config.ts"}, {"DATABASE_URL="},
                 dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "static.db"));
}

// validate and format take the schema from the config (or package.json) too, as Prisma does.
TEST(ConfigCli, ValidateAndFormatReadTheConfigsSchema) {
  TempDir dir;
  write_file(dir.path() / "db" / "main.prisma",
             "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel A {\n  id Int @id\n}\n");
  write_file(dir.path() / "prisma.config.ts", "export default { schema: 'db/main.prisma' }\n");
  auto r = run_godwit({"validate"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("db/main.prisma"), std::string::npos) << r.out;
  fs::create_directories(dir.path() / "sub");
  r = run_godwit({"format", "--check", "--config", "../prisma.config.ts"}, {}, dir.path() / "sub");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  fs::remove(dir.path() / "prisma.config.ts");
  write_file(dir.path() / "package.json", R"({"prisma": {"schema": "db/main.prisma"}})");
  r = run_godwit({"validate"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace godwit::test
