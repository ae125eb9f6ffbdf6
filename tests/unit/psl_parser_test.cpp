// Lexer/parser: the grammar of prisma-compat.md §8, spans, comments, recovery, P1012 layout.
#include <gtest/gtest.h>

#include "psl/diagnostics.hpp"
#include "psl/parser.hpp"

namespace godwit::psl {
namespace {

struct Parsed {
  SchemaSource source;
  Diagnostics diags;
  ast::File file;
};

Parsed parse(std::string text) {
  Parsed p;
  p.source.root = "schema.prisma";
  p.source.files.push_back({"schema.prisma", std::move(text)});
  p.file = parse_file(p.source.files[0].text, 0, p.diags);
  return p;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all())
    out.push_back(x.message);
  return out;
}

TEST(PslParser, ParsesEveryBlockKind) {
  auto p = parse(R"(datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  schemas  = ["public", "auth"]
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["multiSchema"]
}

/// A user.
model User {
  id    Int     @id @default(autoincrement())
  email String  @unique @db.VarChar(255)
  name  String? // trailing
  tags  String[]
  raw   Unsupported("circle")?
  posts Post[]

  @@index([email(sort: Desc), name], type: BTree, map: "idx",)
  @@map("users")
}

view V {
  id Int @unique
}

type Address {
  street String
}

enum Role {
  USER  @map("user")
  ADMIN // boss
  @@schema("auth")
}
)");
  ASSERT_FALSE(p.diags.has_errors()) << messages(p.diags).front();
  ASSERT_EQ(p.file.blocks.size(), 6u);
  const auto& ds = p.file.blocks[0];
  EXPECT_EQ(ds.kind, ast::BlockKind::Datasource);
  EXPECT_EQ(ds.name.name, "db");
  ASSERT_EQ(ds.properties.size(), 3u);
  EXPECT_EQ(ds.properties[1].value->kind, ast::Expression::Kind::Function);
  EXPECT_EQ(ds.properties[1].value->value, "env");
  EXPECT_EQ(ds.properties[1].value->args.at(0).value.value, "DATABASE_URL");
  EXPECT_EQ(ds.properties[2].value->items.size(), 2u);

  const auto& user = p.file.blocks[2];
  EXPECT_EQ(user.kind, ast::BlockKind::Model);
  EXPECT_EQ(user.documentation, "A user.");
  ASSERT_EQ(user.fields.size(), 6u);
  EXPECT_EQ(user.fields[0].attributes.size(), 2u);
  EXPECT_EQ(user.fields[0].attributes[1].args.at(0).value.kind, ast::Expression::Kind::Function);
  EXPECT_EQ(user.fields[1].attributes[1].name.name, "db.VarChar");
  EXPECT_EQ(user.fields[1].attributes[1].args.at(0).value.value, "255");
  EXPECT_EQ(user.fields[2].arity, ast::Arity::Optional);
  ASSERT_TRUE(user.fields[2].trailing_comment);
  EXPECT_EQ(user.fields[2].trailing_comment->text, " trailing");
  EXPECT_EQ(user.fields[3].arity, ast::Arity::List);
  EXPECT_TRUE(user.fields[4].type->unsupported);
  EXPECT_EQ(user.fields[4].type->name, "circle");
  EXPECT_EQ(user.fields[4].arity, ast::Arity::Optional);
  ASSERT_EQ(user.attributes.size(), 2u);
  const auto& index = user.attributes[0];
  EXPECT_TRUE(index.trailing_comma);
  ASSERT_EQ(index.args.size(), 3u);
  const auto& cols = index.args[0].value;
  ASSERT_EQ(cols.kind, ast::Expression::Kind::Array);
  EXPECT_EQ(cols.items[0].kind, ast::Expression::Kind::Function);
  EXPECT_EQ(cols.items[0].args.at(0).name->name, "sort");
  EXPECT_EQ(index.args[1].name->name, "type");
  EXPECT_EQ(index.args[1].value.kind, ast::Expression::Kind::Constant);

  EXPECT_EQ(p.file.blocks[3].kind, ast::BlockKind::View);
  EXPECT_EQ(p.file.blocks[4].kind, ast::BlockKind::CompositeType);
  const auto& role = p.file.blocks[5];
  ASSERT_EQ(role.values.size(), 2u);
  EXPECT_EQ(role.values[0].attributes.at(0).name.name, "map");
  EXPECT_EQ(role.attributes.at(0).name.name, "schema");
}

TEST(PslParser, SpansAndLineColumns) {
  auto p = parse("model A {\n  id Int @id\n}\n");
  ASSERT_FALSE(p.diags.has_errors());
  const auto& f = p.file.blocks[0].fields[0];
  EXPECT_EQ(span_text(p.source.files[0].text, f.name.span), "id");
  auto lc = line_col(p.source.files[0].text, f.attributes[0].span.start);
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.column, 10);
  EXPECT_EQ(span_text(p.source.files[0].text, f.attributes[0].span), "@id");
  EXPECT_EQ(span_text(p.source.files[0].text, p.file.blocks[0].span), "model A {\n  id Int @id\n}");
}

TEST(PslParser, CommentsAndBlankLinesAreKept) {
  auto p = parse(R"(// free floating

/// doc 1
/// doc 2
model A {
  // a comment
  /// field doc
  id Int @id /// more

  /* block */
  @@map("a")
}
)");
  ASSERT_FALSE(p.diags.has_errors());
  const auto& top = p.file.items;
  ASSERT_GE(top.size(), 5u);
  EXPECT_EQ(top[0].kind, ast::Item::Kind::Comment);
  EXPECT_EQ(top[1].kind, ast::Item::Kind::EmptyLine);
  EXPECT_EQ(top[1].count, 1);
  EXPECT_EQ(top[2].kind, ast::Item::Kind::Comment);
  EXPECT_EQ(top[3].kind, ast::Item::Kind::Comment);
  EXPECT_EQ(top[4].kind, ast::Item::Kind::Block);
  const auto& a = p.file.blocks[0];
  EXPECT_EQ(a.documentation, "doc 1\ndoc 2");
  EXPECT_EQ(a.fields[0].documentation, "field doc\nmore");
  std::vector<ast::Item::Kind> kinds;
  for (const auto& i : a.items)
    kinds.push_back(i.kind);
  using K = ast::Item::Kind;
  EXPECT_EQ(kinds, (std::vector<K>{K::Comment, K::Comment, K::Field, K::EmptyLine, K::Comment,
                                   K::Attribute}));
  EXPECT_EQ(a.comments[2].kind, ast::Comment::Kind::Block);
}

TEST(PslParser, StringEscapes) {
  auto p = parse(R"(model A {
  a String @default("q\"\\\/\n\t\u00e9\ud83d\ude00")
}
)");
  ASSERT_FALSE(p.diags.has_errors());
  EXPECT_EQ(p.file.blocks[0].fields[0].attributes[0].args[0].value.value,
            "q\"\\/\n\t\xc3\xa9\xf0\x9f\x98\x80");
  auto bad =
      parse("model A {\n  a String @default(\"a\\qb\")\n  b String @default(\"\\u12x4\")\n}\n");
  EXPECT_EQ(messages(bad.diags),
            (std::vector<std::string>{
                "Unknown escape sequence. If the value is a windows-style path, `\\` must be "
                "escaped as `\\\\`.",
                "Invalid unicode escape sequence."}));
}

TEST(PslParser, RecoversAndReportsEveryError) {
  auto p = parse(R"(model A {
  id Int @id
  oops
  @id
  x Int @default(
}
something else
enum E {
  A B
}
datasource db {
  provider "x"
}
foo {
}
type T = Int
)");
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{
                "Error validating model \"A\": This field declaration is invalid. It is either "
                "missing a name or a type.",
                "Error validating: This line is not a valid field or attribute definition.",
                "Error validating: This line is not a valid field or attribute definition.",
                "Error validating: This line is invalid. It does not start with any known Prisma "
                "schema keyword.",
                "Error validating: This line is not an enum value definition.",
                "Error validating: This line is not a valid definition within a datasource.",
                "Error validating: This block is invalid. It does not start with any known Prisma "
                "schema keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and "
                "'generator'.",
                "Error validating: Invalid type definition. Please check the documentation in "
                "https://pris.ly/d/composite-types",
            }));
  ASSERT_EQ(p.file.blocks.size(), 3u);
  EXPECT_EQ(p.file.blocks[0].fields.size(), 1u);
}

TEST(PslParser, LegacySyntax) {
  auto p = parse("model A {\n  a: Int\n  b Int!\n  c [Int]\n  d Int[]?\n}\n");
  EXPECT_EQ(messages(p.diags),
            (std::vector<std::string>{
                "Field declarations don't require a `:`.",
                "Fields are required by default, `!` is no longer required.",
                "To specify a list, please use `Type[]` instead of `[Type]`.",
                "Optional lists are not supported. Use either `Type[]` or `Type?`.",
            }));
  EXPECT_TRUE(p.file.blocks[0].fields.empty());
}

TEST(PslParser, UnclosedBlockMakesEveryLineInvalid) {
  auto p = parse("model A {\n  id Int @id\n");
  EXPECT_EQ(p.diags.error_count(), 2u);
  EXPECT_TRUE(p.file.blocks.empty());
}

TEST(PslParser, CrLfAndTabs) {
  auto p = parse("model A {\r\n\tid\tInt\t@id\r\n\r\n}\r\n");
  ASSERT_FALSE(p.diags.has_errors());
  EXPECT_EQ(p.file.blocks[0].fields.at(0).name.name, "id");
}

TEST(PslParser, EmptyArgumentIsKept) {
  auto p = parse("model A {\n  id Int @id @default(x: )\n}\n");
  ASSERT_FALSE(p.diags.has_errors());
  const auto& attr = p.file.blocks[0].fields[0].attributes[1];
  ASSERT_EQ(attr.empty_args.size(), 1u);
  EXPECT_EQ(attr.empty_args[0].name, "x");
}

TEST(PslParser, RendersLikePrisma) {
  auto p = parse(
      "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n  id Int @id\n  name "
      "String\n}\nmodel Post {\n id Int @id\n   oops\n}\n");
  ASSERT_EQ(p.diags.error_count(), 1u);
  EXPECT_EQ(render_errors(p.source, p.diags),
            "error: Error validating model \"Post\": This field declaration is invalid. It is "
            "either missing a name or a type.\n"
            "  -->  schema.prisma:11\n"
            "   | \n"
            "10 |  id Int @id\n"
            "11 |    oops\n"
            "   |    ^^^^\n"
            "12 | }\n"
            "   | \n"
            "\n"
            "Validation Error Count: 1\n");
  auto err = to_p1012(p.source, p.diags);
  EXPECT_EQ(err.code(), "P1012");
}

}  // namespace
}  // namespace godwit::psl
