// The resolved model (model.hpp) that validate_schema() builds: types, attributes, defaults,
// indexes, relations, configuration.
#include <gtest/gtest.h>

#include "psl/constraint_names.hpp"
#include "psl/validate.hpp"

namespace godwit::psl {
namespace {

ValidationResult validate(std::string text) {
  SchemaSource s;
  s.root = "schema.prisma";
  s.files.push_back({"schema.prisma", std::move(text)});
  auto r = validate_schema(s);
  EXPECT_TRUE(r.ok()) << render_errors(s, r.diagnostics);
  return r;
}

const Field& field(const Schema& s, std::string_view model, std::string_view name) {
  const Model& m = s.model(*s.find_model(model));
  return m.fields.at(m.find_field(name)->value);
}

TEST(PslModel, FieldsTypesAndAttributes) {
  auto r = validate(R"psl(datasource db {
  provider = "postgres"
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views", "multiSchema"]
}

enum Role {
  USER  @map("user")
  ADMIN

  @@map("role")
}

model User {
  id      String   @id @default(uuid(7)) @db.Uuid
  email   String   @unique(map: "user_email") @db.VarChar(255)
  role    Role     @default(USER)
  roles   Role[]   @default([USER, ADMIN])
  score   Decimal  @default("1.50") @db.Decimal(10, 2)
  at      DateTime @default(now()) @map("created_at")
  seen    DateTime @updatedAt
  legacy  String?  @ignore
  raw     Unsupported("circle")?
  counter BigInt   @default(autoincrement())
  gen     String   @default(dbgenerated("gen_random_uuid()"))

  @@index([at(sort: Desc), email], type: BTree, map: "user_at")
  @@map("users")
}
)psl");
  const Schema& s = r.schema;
  EXPECT_EQ(s.provider(), "postgresql");
  EXPECT_EQ(s.preview_features, (std::vector<std::string>{"multiSchema", "views"}));
  ASSERT_EQ(s.enums.size(), 1u);
  EXPECT_EQ(s.enums[0].database_name(), "role");
  EXPECT_EQ(s.enums[0].values[0].database_name(), "user");
  EXPECT_EQ(s.enums[0].values[1].database_name(), "ADMIN");

  const Model& u = s.model(*s.find_model("User"));
  EXPECT_EQ(u.database_name(), "users");
  const Field& id = field(s, "User", "id");
  EXPECT_EQ(id.type.kind, FieldType::Kind::Scalar);
  EXPECT_EQ(id.type.scalar, ScalarType::String);
  ASSERT_TRUE(id.default_value);
  EXPECT_EQ(id.default_value->kind, DefaultValue::Kind::Function);
  EXPECT_EQ(id.default_value->function, DefaultFunction::Uuid);
  EXPECT_EQ(id.default_value->version, 7);
  ASSERT_TRUE(id.native_type);
  EXPECT_EQ(id.native_type->name, "Uuid");
  EXPECT_EQ(field(s, "User", "email").native_type->args, (std::vector<std::string>{"255"}));
  EXPECT_EQ(field(s, "User", "score").native_type->args, (std::vector<std::string>{"10", "2"}));
  EXPECT_EQ(field(s, "User", "score").default_value->value.kind, Literal::Kind::String);
  EXPECT_EQ(field(s, "User", "score").default_value->value.text, "1.50");

  const Field& role = field(s, "User", "role");
  EXPECT_EQ(role.type.kind, FieldType::Kind::Enum);
  EXPECT_EQ(role.default_value->value.kind, Literal::Kind::Constant);
  EXPECT_EQ(role.default_value->value.text, "USER");
  const Field& roles = field(s, "User", "roles");
  EXPECT_EQ(roles.arity, Arity::List);
  EXPECT_EQ(roles.default_value->value.kind, Literal::Kind::List);
  EXPECT_EQ(roles.default_value->value.items.size(), 2u);

  EXPECT_EQ(field(s, "User", "at").database_name(), "created_at");
  EXPECT_EQ(field(s, "User", "at").default_value->function, DefaultFunction::Now);
  EXPECT_TRUE(field(s, "User", "seen").is_updated_at);
  EXPECT_TRUE(field(s, "User", "legacy").is_ignored);
  EXPECT_EQ(field(s, "User", "legacy").arity, Arity::Optional);
  EXPECT_EQ(field(s, "User", "raw").type.kind, FieldType::Kind::Unsupported);
  EXPECT_EQ(field(s, "User", "raw").type.unsupported, "circle");
  EXPECT_EQ(field(s, "User", "counter").default_value->function, DefaultFunction::Autoincrement);
  EXPECT_EQ(*field(s, "User", "gen").default_value->sql, "gen_random_uuid()");

  ASSERT_TRUE(u.primary_key);
  EXPECT_EQ(u.primary_key->fields.size(), 1u);
  EXPECT_EQ(u.primary_key->source_field, u.find_field("id"));
  // Field-level @unique first, then @@index (Prisma's order).
  ASSERT_EQ(u.indexes.size(), 2u);
  EXPECT_EQ(u.indexes[0].kind, Index::Kind::Unique);
  EXPECT_EQ(*u.indexes[0].map, "user_email");
  EXPECT_EQ(u.indexes[0].source_field, u.find_field("email"));
  EXPECT_EQ(u.indexes[1].kind, Index::Kind::Normal);
  EXPECT_EQ(*u.indexes[1].map, "user_at");
  EXPECT_EQ(u.indexes[1].algorithm, IndexAlgorithm::BTree);
  EXPECT_EQ(u.indexes[1].fields[0].sort, SortOrder::Desc);
  EXPECT_FALSE(u.indexes[1].fields[1].sort);
}

TEST(PslModel, RelationsArePaired) {
  auto r = validate(R"psl(datasource db {
  provider = "postgresql"
}

model User {
  id        Int      @id
  profile   Profile?
  posts     Post[]
  tags      Tag[]
  managerId Int?
  manager   User?    @relation("Reports", fields: [managerId], references: [id])
  reports   User[]   @relation("Reports")
}

model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id], onDelete: Cascade, map: "profile_user")
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}

model Tag {
  id    Int    @id
  users User[]
}
)psl");
  const Schema& s = r.schema;
  ASSERT_EQ(s.relations.size(), 4u);
  auto by_name = [&](std::string_view name) -> const Relation& {
    for (const auto& rel : s.relations)
      if (rel.name == name) return rel;
    ADD_FAILURE() << "no relation " << name;
    return s.relations[0];
  };
  const Relation& one = by_name("ProfileToUser");
  EXPECT_EQ(one.kind, Relation::Kind::OneToOne);
  EXPECT_FALSE(one.name_is_explicit);
  EXPECT_EQ(s.model(one.model_a).name, "Profile");
  EXPECT_EQ(s.model(one.model_b).name, "User");
  EXPECT_EQ(one.on_delete, ReferentialAction::Cascade);
  EXPECT_FALSE(one.on_update);
  EXPECT_EQ(*one.map, "profile_user");
  ASSERT_EQ(one.fields.size(), 1u);
  EXPECT_EQ(s.model(one.model_a).fields[one.fields[0].value].name, "userId");
  EXPECT_EQ(s.model(one.model_b).fields[one.references[0].value].name, "id");

  const Relation& many = by_name("PostToUser");
  EXPECT_EQ(many.kind, Relation::Kind::OneToMany);
  EXPECT_EQ(s.model(many.model_a).name, "Post");
  EXPECT_EQ(s.model(many.model_a).fields[many.field_a.value].name, "author");
  EXPECT_EQ(s.model(many.model_b).fields[many.field_b.value].name, "posts");

  const Relation& m2m = by_name("TagToUser");
  EXPECT_EQ(m2m.kind, Relation::Kind::ManyToMany);
  EXPECT_EQ(s.model(m2m.model_a).name, "Tag");  // sorts first: column "A"
  EXPECT_EQ(s.model(m2m.model_b).name, "User");
  EXPECT_TRUE(m2m.fields.empty());

  const Relation& self = by_name("Reports");
  EXPECT_TRUE(self.name_is_explicit);
  EXPECT_TRUE(self.is_self_relation());
  EXPECT_EQ(self.kind, Relation::Kind::OneToMany);
  EXPECT_EQ(s.model(self.model_a).fields[self.field_a.value].name, "manager");

  // Every relation field points back at its relation.
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& rel = s.relations[i];
    EXPECT_EQ(s.field({rel.model_a, rel.field_a}).relation->value, i);
    EXPECT_EQ(s.field({rel.model_b, rel.field_b}).relation->value, i);
  }
}

TEST(PslModel, SelfManyToManyOrdersFieldsByName) {
  auto r = validate(R"psl(datasource db {
  provider = "sqlite"
}

model User {
  id        Int    @id
  following User[] @relation("Follows")
  followers User[] @relation("Follows")
}
)psl");
  ASSERT_EQ(r.schema.relations.size(), 1u);
  const Relation& rel = r.schema.relations[0];
  EXPECT_EQ(rel.kind, Relation::Kind::ManyToMany);
  EXPECT_EQ(r.schema.field({rel.model_a, rel.field_a}).name, "followers");
  EXPECT_EQ(r.schema.field({rel.model_b, rel.field_b}).name, "following");
}

TEST(PslModel, DatasourceAndExtensions) {
  auto r = validate(R"psl(generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

datasource db {
  provider     = "postgresql"
  url          = env("DATABASE_URL")
  relationMode = "prisma"
  schemas      = ["public", "audit"]
  extensions   = [pg_trgm, pgcrypto(schema: "ext", map: "crypto")]
}

model A {
  id Int @id

  @@schema("audit")
}
)psl");
  const Schema& s = r.schema;
  ASSERT_TRUE(s.datasource);
  EXPECT_EQ(s.datasource->relation_mode, "prisma");
  EXPECT_EQ(s.datasource->schemas, (std::vector<std::string>{"audit", "public"}));
  ASSERT_TRUE(s.datasource->url);
  EXPECT_TRUE(s.datasource->url->from_env);
  ASSERT_EQ(s.extensions.size(), 2u);
  EXPECT_EQ(s.extensions[1].database_name(), "crypto");
  EXPECT_EQ(*s.extensions[1].schema, "ext");
  EXPECT_EQ(*s.models[0].schema, "audit");
  EXPECT_EQ(s.generators.at(0).provider, "prisma-client-js");
}

TEST(PslModel, ConstraintNames) {
  EXPECT_EQ(primary_key_name("users", 63), "users_pkey");
  EXPECT_EQ(unique_index_name("users", {"email", "name"}, 63), "users_email_name_key");
  EXPECT_EQ(index_name("users", {"email"}, 63), "users_email_idx");
  EXPECT_EQ(foreign_key_name("posts", {"authorId"}, 63), "posts_authorId_fkey");
  // Truncated so that the whole name fits in 63 bytes.
  std::string long_table(70, 't');
  EXPECT_EQ(primary_key_name(long_table, 63), std::string(58, 't') + "_pkey");
  EXPECT_EQ(index_name(long_table, {"c"}, 63).size(), 63u);
  // Never in the middle of a UTF-8 character.
  std::string accents;
  for (int i = 0; i < 40; ++i)
    accents += "\xc3\xa9";  // é
  auto name = unique_index_name(accents, {}, 63);
  EXPECT_EQ(name.substr(name.size() - 4), "_key");
  EXPECT_EQ((name.size() - 4) % 2, 0u);
}

TEST(PslModel, WarningsDoNotFail) {
  auto r = validate(R"psl(datasource db {
  provider = "postgresql"
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["metrics", "tracing"]
}

model A {
  id Int @id
}
)psl");
  EXPECT_EQ(r.diagnostics.warnings().size(), 2u);
}

TEST(PslModel, MultiFileSchema) {
  SchemaSource s;
  s.files.push_back({"a.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n"});
  s.files.push_back({"b.prisma",
                     "model Post {\n  id     Int  @id\n  userId Int\n  user   User "
                     "@relation(fields: [userId], references: [id])\n}\n"});
  s.files.push_back({"c.prisma", "model User {\n  id    Int    @id\n  posts Post[]\n}\n"});
  auto r = validate_schema(s);
  ASSERT_TRUE(r.ok()) << render_errors(s, r.diagnostics);
  EXPECT_EQ(r.schema.models.size(), 2u);
  EXPECT_EQ(r.schema.relations.size(), 1u);
  // Errors name the file they are in.
  s.files[2].text = "model User {\n  id Int @id\n}\n";
  auto bad = validate_schema(s);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(render_errors(s, bad.diagnostics).find("-->  b.prisma:4"), std::string::npos);
}

}  // namespace
}  // namespace godwit::psl
