// prisma.config.ts read statically (src/project/config_file.hpp) and resolved into the project
// (project_config.hpp, project.hpp): every accepted form, every rejected form with its line,
// the precedence of flags, config, schema and DATABASE_URL, package.json, and `.env`.
#include <gtest/gtest.h>

#include <map>

#include "core/error.hpp"
#include "project/config_file.hpp"
#include "project/dotenv.hpp"
#include "project/project.hpp"
#include "project/project_config.hpp"
#include "support/test_support.hpp"

namespace godwit::project {
namespace {
namespace fs = std::filesystem;

using Kind = ConfigNode::Kind;

const ConfigNode& at(const ConfigFile& f, std::initializer_list<const char*> keys) {
  const ConfigNode* n = &f.root;
  for (auto* k : keys) {
    n = n->member(k);
    if (!n) throw std::runtime_error(std::string("missing key ") + k);
  }
  return *n;
}

// Expects GW2020 (or `code`) with "file:line" in the message.
void expect_error(std::string_view text, int line, const std::string& code = "GW2020") {
  try {
    parse_config(text, "prisma.config.ts");
    ADD_FAILURE() << "no error for:\n" << text;
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), code) << text;
    EXPECT_NE(e.message().find("prisma.config.ts:" + std::to_string(line) + ":"), std::string::npos)
        << e.message();
  }
}

TEST(ConfigReader, TheTypicalPrisma7File) {
  auto f = parse_config(
      "import \"dotenv/config\";\n"
      "import { defineConfig, env } from \"prisma/config\";\n"
      "export default defineConfig({\n"
      "  schema: \"prisma/schema.prisma\",\n"
      "  migrations: { path: \"prisma/migrations\", seed: \"tsx prisma/seed.ts\" },\n"
      "  datasource: { url: env(\"DATABASE_URL\") },\n"
      "});\n",
      "prisma.config.ts");
  EXPECT_TRUE(f.loads_dotenv);
  EXPECT_EQ(at(f, {"schema"}).text, "prisma/schema.prisma");
  EXPECT_EQ(at(f, {"migrations", "path"}).text, "prisma/migrations");
  EXPECT_EQ(at(f, {"migrations", "seed"}).text, "tsx prisma/seed.ts");
  EXPECT_EQ(at(f, {"datasource", "url"}).kind, Kind::kEnv);
  EXPECT_EQ(at(f, {"datasource", "url"}).text, "DATABASE_URL");
  EXPECT_EQ(at(f, {"datasource", "url"}).line, 6);
}

TEST(ConfigReader, AcceptedForms) {
  auto f = parse_config(
      "// comment\n"
      "/* block\n comment */\n"
      "import type { PrismaConfig } from 'prisma'\n"
      "const base = `prisma`\n"
      "const config: PrismaConfig = {\n"
      "  'schema': base,\n"
      "  migrations: { path: 'db/migrations', initShadowDb: `CREATE TABLE x (id int);`, },\n"
      "  datasource: {\n"
      "    url: process.env.DATABASE_URL!,\n"
      "    directUrl: process.env[\"DIRECT_URL\"] as string,\n"
      "    shadowDatabaseUrl: env<Env>('SHADOW'),\n"
      "  },\n"
      "  tables: { external: ['audit', \"log\",] },\n"
      "  enums: { external: [] },\n"
      "  experimental: { externalTables: true },\n"
      "  views: { path: path.join(__dirname, 'views') },\n"  // unreadable, not needed
      "  adapter: async () => { return new Adapter() },\n"   // a function: skipped
      "} satisfies PrismaConfig\n"
      "export default config\n",
      "prisma.config.ts");
  EXPECT_FALSE(f.loads_dotenv);
  EXPECT_EQ(at(f, {"schema"}).text, "prisma");
  EXPECT_EQ(at(f, {"migrations", "path"}).text, "db/migrations");
  EXPECT_EQ(at(f, {"migrations", "initShadowDb"}).text, "CREATE TABLE x (id int);");
  EXPECT_EQ(at(f, {"datasource", "url"}).kind, Kind::kProcessEnv);
  EXPECT_EQ(at(f, {"datasource", "directUrl"}).text, "DIRECT_URL");
  EXPECT_EQ(at(f, {"datasource", "shadowDatabaseUrl"}).kind, Kind::kEnv);
  ASSERT_EQ(at(f, {"tables", "external"}).items.size(), 2u);
  EXPECT_EQ(at(f, {"tables", "external"}).items[1].text, "log");
  EXPECT_EQ(at(f, {"views", "path"}).kind, Kind::kUnreadable);
  EXPECT_EQ(at(f, {"views", "path"}).line, 17);
  EXPECT_EQ(at(f, {"adapter"}).kind, Kind::kUnreadable);
}

TEST(ConfigReader, OtherExportForms) {
  auto cjs = parse_config(
      "require('dotenv').config()\nmodule.exports = { schema: \"s.prisma\" };\n", "x.cjs");
  EXPECT_EQ(at(cjs, {"schema"}).text, "s.prisma");
  EXPECT_TRUE(cjs.loads_dotenv);
  EXPECT_TRUE(parse_config("require('dotenv/config')\nexport default {}", "x.js").loads_dotenv);
  auto named = parse_config(
      "import dotenv from 'dotenv'\ndotenv.config()\n"
      "export const config = { schema: 'a\\'b\\u00e9' }\nexport default config;\n",
      "x.mts");
  EXPECT_TRUE(named.loads_dotenv);
  EXPECT_EQ(at(named, {"schema"}).text, "a'b\xC3\xA9");
  auto shorthand = parse_config("const schema = 's'\nexport default { schema }\n", "x.ts");
  EXPECT_EQ(at(shorthand, {"schema"}).text, "s");
  auto bom = parse_config(
      "\xEF\xBB\xBF"
      "export default {}\n",
      "x.ts");
  EXPECT_EQ(bom.root.kind, Kind::kObject);
  auto later = parse_config("export default { schema: 'a', schema: 'b' }", "x.ts");
  EXPECT_EQ(at(later, {"schema"}).text, "b");  // the last one, as JavaScript
}

TEST(ConfigReader, RejectedFormsNameTheirLine) {
  expect_error("export default {\n  schema: 'a',\n", 1);                  // unterminated object
  expect_error("const a = 1\n\nexport default {\n  schema: 'x\n}\n", 4);  // unterminated string
  expect_error("/* never closed\nexport default {}\n", 1);
  expect_error("const a = 1\n", 2);  // no default export
  expect_error("export default makeConfig()\n", 1);
  expect_error("export default 'text'\n", 1);
  expect_error(
      "import dotenv from 'dotenv'\n\ndotenv.config({ path: '.env.local' })\n"
      "export default {}\n",
      3);
  expect_error("export default {\n  schema: 'a'\n  migrations: {}\n}\n", 3);  // missing comma
}

TEST(ConfigReader, LimitsHold) {
  // Constants built from constants: copying them would grow exponentially.
  std::string doubling = "const a0 = ['x', 'x']\n";
  for (int i = 1; i <= 30; ++i)
    doubling += "const a" + std::to_string(i) + " = [a" + std::to_string(i - 1) + ", a" +
                std::to_string(i - 1) + "]\n";
  doubling += "export default { tables: { external: a30 } }\n";
  try {
    parse_config(doubling, "prisma.config.ts");
    ADD_FAILURE();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2020");
    EXPECT_NE(e.message().find("named too many times"), std::string::npos);
  }
  // Many unreadable values do not use up the nesting limit.
  std::string many = "export default {\n";
  for (int i = 0; i < 300; ++i)
    many += "  k" + std::to_string(i) + ": f(),\n";
  many += "  schema: 's',\n}\n";
  EXPECT_EQ(at(parse_config(many, "x.ts"), {"schema"}).text, "s");
  // Deep nesting is unreadable, not a crash.
  std::string deep =
      "export default { schema: 's', x: " + std::string(5000, '[') + std::string(5000, ']') + " }";
  auto f = parse_config(deep, "x.ts");
  EXPECT_EQ(at(f, {"x"}).kind, Kind::kUnreadable);
}

// Values godwit needs but cannot read: the resolver names key, file:line and what to do.
void expect_unreadable(const std::string& body, int line, const std::string& key,
                       const std::string& instead) {
  test::TempDir dir;
  test::write_file(dir.path() / "prisma.config.ts", body);
  try {
    load_project_config(std::nullopt, dir.path(),
                        [](const std::string&) { return std::optional<std::string>(); });
    ADD_FAILURE() << "no error for:\n" << body;
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2020") << body;
    EXPECT_NE(e.message().find("prisma.config.ts:" + std::to_string(line) + ": `" + key + "`"),
              std::string::npos)
        << e.message();
    EXPECT_NE(e.hint().find(instead), std::string::npos) << e.hint();
  }
}

TEST(ConfigResolve, UnreadableValuesNameLineAndFlag) {
  expect_unreadable(
      "import path from 'node:path'\nexport default {\n  schema: path.join('prisma', "
      "'schema.prisma'),\n}\n",
      3, "schema", "--schema");
  expect_unreadable("export default {\n  datasource: {\n    url: `file:${dir}/dev.db`,\n  },\n}\n",
                    3, "datasource.url", "--url");
  expect_unreadable("export default {\n datasource: { url: process.env.A ?? 'file:x.db' } }\n", 2,
                    "datasource.url", "--url");
  expect_unreadable("export default {\n migrations: { path: 'a' + 'b' } }\n", 2, "migrations.path",
                    "--migrations");
  expect_unreadable("export default { migrations: {\n ...base } }\n", 1, "migrations.path",
                    "--migrations");
  expect_unreadable("const url = getUrl()\nexport default { datasource: { url } }\n", 1,
                    "datasource.url", "--url");
  expect_unreadable("export default {\n schema: 42 }\n", 2, "schema", "--schema");
  expect_unreadable("export default {\n tables: { external: ['a', name] } }\n", 2,
                    "tables.external", "string literal");
}

class ConfigProject : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::map<std::string, std::string> vars;
  EnvLookup env() {
    return [this](const std::string& k) -> std::optional<std::string> {
      auto it = vars.find(k);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
  }
  void schema(const fs::path& rel, const std::string& datasource_body) {
    test::write_file(dir.path() / rel, "datasource db {\n  provider = \"sqlite\"\n" +
                                           datasource_body + "}\n\nmodel A {\n  id Int @id\n}\n");
  }
  void config(const std::string& body, const std::string& name = "prisma.config.ts") {
    test::write_file(dir.path() / name, body);
  }
};

TEST_F(ConfigProject, ConfigPathsAreRelativeToTheConfigFile) {
  schema("db/main.prisma", "");
  config(
      "export default { schema: 'db/main.prisma', migrations: { path: 'db/history', seed: "
      "'node seed.js' }, datasource: { url: 'file:./dev.db' }, tables: { external: ['t'] }, "
      "enums: { external: ['e'] } }\n",
      "prisma.config.mts");
  auto p = load_project({}, dir.path(), env());
  EXPECT_EQ(p.schema_path, dir.path() / "db" / "main.prisma");
  EXPECT_EQ(p.migrations_dir, dir.path() / "db" / "history");
  EXPECT_EQ(p.target.url, "file:./dev.db");
  EXPECT_EQ(p.target.base_dir, dir.path());  // the config's folder, not the schema's
  EXPECT_EQ(p.seed, "node seed.js");
  EXPECT_EQ(p.external_tables, std::vector<std::string>{"t"});
  EXPECT_EQ(p.external_enums, std::vector<std::string>{"e"});
  // From a subfolder, --config names the file; its paths stay relative to it.
  fs::create_directories(dir.path() / "sub");
  ProjectOptions o;
  o.config = "../prisma.config.mts";
  auto q = load_project(o, dir.path() / "sub", env());
  EXPECT_EQ(q.schema_path, dir.path() / "db" / "main.prisma");
  EXPECT_EQ(fs::weakly_canonical(q.target.base_dir), fs::weakly_canonical(dir.path()));
  // Without --config, a subfolder has no config (Prisma does not search parents).
  EXPECT_THROW(load_project({}, dir.path() / "sub", env()), core::Error);
}

TEST_F(ConfigProject, Precedence) {
  schema("prisma/schema.prisma", "  url = env(\"SCHEMA_URL\")\n");
  vars = {{"SCHEMA_URL", "file:schema.db"}, {"DATABASE_URL", "file:database-url.db"}};
  // schema url > DATABASE_URL, relative to the schema.
  auto p = load_project({}, dir.path(), env());
  EXPECT_EQ(p.target.url, "file:schema.db");
  EXPECT_EQ(p.target.base_dir, dir.path() / "prisma");
  // config > schema url.
  config(
      "export default { schema: 'prisma/schema.prisma', datasource: { url: 'file:config.db' } }");
  p = load_project({}, dir.path(), env());
  EXPECT_EQ(p.target.url, "file:config.db");
  EXPECT_EQ(p.target.base_dir, dir.path());
  // config directUrl > config url.
  config(
      "export default { schema: 'prisma/schema.prisma', datasource: { url: 'file:config.db', "
      "directUrl: env('DIRECT') } }");
  vars["DIRECT"] = "file:direct.db";
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:direct.db");
  // flag > config.
  ProjectOptions o;
  o.url = "file:flag.db";
  o.schema = "prisma/schema.prisma";
  EXPECT_EQ(load_project(o, dir.path(), env()).target.url, "file:flag.db");
  // process.env.X unset: the next source (the schema's url).
  config("export default { datasource: { url: process.env.UNSET } }");
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:schema.db");
  // DATABASE_URL last.
  fs::remove(dir.path() / "prisma.config.ts");
  schema("prisma/schema.prisma", "");
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:database-url.db");
}

TEST_F(ConfigProject, SchemaDirectUrlIsWhatMigrateUses) {
  schema("prisma/schema.prisma",
         "  url = env(\"DATABASE_URL\")\n  directUrl = env(\"DIRECT_URL\")\n");
  vars = {{"DATABASE_URL", "file:pooled.db"}, {"DIRECT_URL", "file:direct.db"}};
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:direct.db");
}

TEST_F(ConfigProject, EnvWithoutValueIsP1012WithTheConfigLine) {
  schema("prisma/schema.prisma", "");
  config("export default {\n  datasource: {\n    url: env('MISSING'),\n  },\n}\n");
  try {
    load_project({}, dir.path(), env());
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1012");
    EXPECT_NE(e.message().find("Cannot resolve environment variable: MISSING."), std::string::npos);
    ASSERT_TRUE(e.where());
    EXPECT_EQ(e.where()->line, 3);
  }
}

TEST_F(ConfigProject, DotenvImportReadsTheCurrentFolder) {
  schema("prisma/schema.prisma", "");
  config("import 'dotenv/config'\nexport default { datasource: { url: env('DATABASE_URL') } }\n");
  test::write_file(dir.path() / ".env", "DATABASE_URL=file:./from-dotenv.db\n");
  test::write_file(dir.path() / "prisma" / ".env", "DATABASE_URL=file:./not-read.db\n");
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:./from-dotenv.db");
  vars["DATABASE_URL"] = "file:process.db";  // the environment wins, as dotenv does
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:process.db");
  // Without the import, Prisma 7 reads no .env.
  vars.clear();
  config("export default { datasource: { url: env('DATABASE_URL') } }\n");
  EXPECT_THROW(load_project({}, dir.path(), env()), core::Error);
}

TEST_F(ConfigProject, MissingConfigFileIsGW2021) {
  schema("prisma/schema.prisma", "");
  ProjectOptions o;
  o.config = "nope.ts";
  try {
    load_project(o, dir.path(), env());
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2021");
  }
}

TEST_F(ConfigProject, PackageJsonPrismaKey) {
  schema("db/schema.prisma", "");
  test::write_file(
      dir.path() / "package.json",
      R"({"name": "app", "prisma": {"schema": "db/schema.prisma", "seed": "node s.js"}})");
  vars["DATABASE_URL"] = "file:x.db";
  auto p = load_project({}, dir.path(), env());
  EXPECT_EQ(p.schema_path, dir.path() / "db" / "schema.prisma");
  EXPECT_EQ(p.seed, "node s.js");
  EXPECT_EQ(p.migrations_dir, dir.path() / "db" / "migrations");
  test::write_file(dir.path() / "package.json", R"({"prisma": {"schema": 3}})");
  try {
    load_project({}, dir.path(), env());
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2023");
  }
  // A config file wins over package.json.
  test::write_file(dir.path() / "package.json", R"({"prisma": {"schema": "nope.prisma"}})");
  config("export default { schema: 'db/schema.prisma' }");
  EXPECT_EQ(load_project({}, dir.path(), env()).schema_path, dir.path() / "db" / "schema.prisma");
}

TEST(DotenvPrisma6, BomExpansionAndConflicts) {
  auto parsed = parse_dotenv(
      "\xEF\xBB\xBFUSER=bob\nHOST=${DB_HOST}\n"
      "URL=postgresql://${USER}@${HOST}/${MISSING}db\n"
      "LITERAL=\\${USER} $USER\nA=${B}\nB=${A}\n");
  EXPECT_EQ(parsed.count("USER"), 1u);  // the BOM is not part of the first key
  auto env = [](const std::string& k) -> std::optional<std::string> {
    if (k == "DB_HOST") return "db.internal";
    return std::nullopt;
  };
  auto e = expand_dotenv(parsed, env);
  EXPECT_EQ(e["URL"], "postgresql://bob@db.internal/db");
  EXPECT_EQ(e["LITERAL"], "${USER} $USER");
  EXPECT_EQ(e["A"], "");  // a cycle expands to nothing
  // Found by config_fuzz: values naming each other several times grew exponentially.
  std::string doubling = "K0=x\n";
  for (int i = 1; i <= 40; ++i)
    doubling += "K" + std::to_string(i) + "=${K" + std::to_string(i - 1) + "}${K" +
                std::to_string(i - 1) + "}\n";
  doubling += "SELF=${SELF}${SELF}${SELF}\n";
  auto big = expand_dotenv(parse_dotenv(doubling), env);
  EXPECT_EQ(big["K3"], "xxxxxxxx");
  EXPECT_EQ(big["K40"].size(), std::size_t{1} << 20);  // stops at 1 MiB
  EXPECT_EQ(big["SELF"], "");
}

TEST_F(ConfigProject, SameVariableInBothDotenvFilesIsGW2022) {
  schema("prisma/schema.prisma", "  url = env(\"DATABASE_URL\")\n");
  test::write_file(dir.path() / ".env", "DATABASE_URL=file:a.db\nOTHER=1\n");
  test::write_file(dir.path() / "prisma" / ".env", "DATABASE_URL=file:b.db\n");
  try {
    load_project({}, dir.path(), env());
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2022");
    EXPECT_NE(e.message().find((dir.path() / ".env").string()), std::string::npos);
    EXPECT_NE(e.message().find((dir.path() / "prisma" / ".env").string()), std::string::npos);
    EXPECT_NE(e.message().find("  DATABASE_URL\n"), std::string::npos);
  }
  // The schema in the current folder: one .env, no conflict.
  fs::remove_all(dir.path() / "prisma");
  test::write_file(dir.path() / "schema.prisma",
                   "datasource db {\n  provider = \"sqlite\"\n  url = env(\"DATABASE_URL\")\n}\n");
  EXPECT_EQ(load_project({}, dir.path(), env()).target.url, "file:a.db");
}

TEST(ConfigDiscovery, PrismaOrder) {
  test::TempDir dir;
  EXPECT_FALSE(find_config_file(dir.path()));
  test::write_file(dir.path() / ".config" / "prisma.ts", "");
  EXPECT_EQ(find_config_file(dir.path()), dir.path() / ".config" / "prisma.ts");
  test::write_file(dir.path() / "prisma.config.cts", "");
  EXPECT_EQ(find_config_file(dir.path()), dir.path() / "prisma.config.cts");
  test::write_file(dir.path() / "prisma.config.ts", "");
  EXPECT_EQ(find_config_file(dir.path()), dir.path() / "prisma.config.ts");
  test::write_file(dir.path() / "prisma.config.js", "");
  EXPECT_EQ(find_config_file(dir.path()), dir.path() / "prisma.config.js");
}

}  // namespace
}  // namespace godwit::project
