// Name and type resolution (ENG parser-database names.rs, types.rs).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory_resource>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "psl/validate.hpp"
#include "psl/validate/validate_context.hpp"

namespace godwit::psl::detail {
namespace {

const char* top_type(const ast::Block& b) {
  switch (b.kind) {
    case ast::BlockKind::Model:
      return "model";
    case ast::BlockKind::View:
      return "view";
    case ast::BlockKind::CompositeType:
      return "composite type";
    case ast::BlockKind::Enum:
      return "enum";
    case ast::BlockKind::Datasource:
      return "source";
    case ast::BlockKind::Generator:
      return "generator";
  }
  return "model";
}

void validate_identifier(Context& ctx, const ast::Identifier& id, std::string_view item) {
  if (id.name.empty()) {
    ctx.diags.error(fmt::format("Error validating: The name of a {} must not be empty.", item),
                    id.span);
  } else if (id.name[0] >= '0' && id.name[0] <= '9') {
    ctx.diags.error(
        fmt::format("Error validating: The name of a {} must not start with a number.", item),
        id.span);
  } else if (id.name.find('-') != std::string::npos) {
    ctx.diags.error(
        fmt::format("Error validating: The character `-` is not allowed in {} names.", item),
        id.span);
  }
}

void validate_attribute_identifiers(Context& ctx, const std::vector<ast::Attribute>& attrs) {
  for (const auto& a : attrs)
    validate_identifier(ctx, a.name, "Attribute");
}

}  // namespace

void resolve_names(Context& ctx) {
  // Only looked up, never iterated: hashed views into the AST.
  std::unordered_map<std::string_view, const ast::Block*> tops, datasources, generators;
  std::pmr::unsynchronized_pool_resource field_names_arena;
  std::size_t n_blocks = 0;
  for (const auto& file : ctx.ast.files)
    n_blocks += file.blocks.size();
  ctx.schema.models.reserve(n_blocks);
  ctx.models.reserve(n_blocks);
  for (const auto& file : ctx.ast.files) {
    for (const auto& block : file.blocks) {
      if (scalar_type_from_name(block.name.name)) {
        ctx.diags.error(fmt::format("\"{}\" is a reserved scalar type name and cannot be used.",
                                    block.name.name),
                        block.name.span);
      }
      std::unordered_map<std::string_view, const ast::Block*>* ns = &tops;
      switch (block.kind) {
        case ast::BlockKind::Enum: {
          validate_identifier(ctx, block.name, "Enum");
          if (is_reserved_model_name(block.name.name)) {
            ctx.diags.error(
                fmt::format("Error validating enum `{0}`: The enum name `{0}` is invalid. It is a "
                            "reserved name. Please change it. Read more at "
                            "https://www.prisma.io/docs/reference/tools-and-interfaces/"
                            "prisma-schema/data-model#naming-enums",
                            block.name.name),
                block.span);
          }
          validate_attribute_identifiers(ctx, block.attributes);
          std::set<std::string_view> seen;  // views into the AST
          Enum e;
          e.name = block.name.name;
          e.span = block.span;
          e.name_span = block.name.span;
          e.documentation = block.documentation;
          for (const auto& v : block.values) {
            validate_identifier(ctx, v.name, "Enum Value");
            validate_attribute_identifiers(ctx, v.attributes);
            if (!seen.insert(v.name.name).second) {
              ctx.diags.error(fmt::format("Value \"{}\" is already defined on enum \"{}\".",
                                          v.name.name, block.name.name),
                              v.span);
            }
            e.values.push_back({std::string(v.name.name), std::nullopt, v.documentation, v.span});
          }
          ctx.schema.enums.push_back(std::move(e));
          ctx.enums.push_back({&block, std::nullopt});
          break;
        }
        case ast::BlockKind::Model:
        case ast::BlockKind::View: {
          bool view = block.kind == ast::BlockKind::View;
          validate_identifier(ctx, block.name, view ? "view" : "Model");
          if (is_reserved_model_name(block.name.name)) {
            ctx.diags.error(
                fmt::format("Error validating model \"{0}\": The {1} name `{0}` is invalid. It is "
                            "a reserved name. Please change it. Read more at "
                            "https://pris.ly/d/naming-models",
                            block.name.name, view ? "view" : "model"),
                block.span);
          }
          validate_attribute_identifiers(ctx, block.attributes);
          // Views into the AST, which outlives it; the nodes are recycled by a pool from one
          // model to the next.
          std::pmr::unordered_set<std::string_view> seen(&field_names_arena);
          seen.reserve(block.fields.size());
          Model& m = ctx.schema.models.emplace_back();
          m.name = block.name.name;
          m.is_view = view;
          m.span = block.span;
          m.name_span = block.name.span;
          m.documentation = block.documentation;
          ModelCtx& mc = ctx.models.emplace_back();
          mc.ast = &block;
          m.fields.reserve(block.fields.size());
          mc.fields.reserve(block.fields.size());
          for (const auto& f : block.fields) {
            validate_identifier(ctx, f.name, view ? "field" : "Field");
            validate_attribute_identifiers(ctx, f.attributes);
            if (!seen.insert(f.name.name).second) {
              ctx.diags.error(fmt::format("Field \"{}\" is already defined on {} \"{}\".",
                                          f.name.name, view ? "view" : "model", block.name.name),
                              f.name.span);
            }
            // Built in place: a model Field is ~750 bytes.
            Field& field = m.fields.emplace_back();
            field.name = f.name.name;
            field.span = f.span;
            field.name_span = f.name.span;
            field.type_span = f.type ? f.type->span : f.name.span;
            field.documentation = f.documentation;
            field.arity = f.arity == ast::Arity::List       ? Arity::List
                          : f.arity == ast::Arity::Optional ? Arity::Optional
                                                            : Arity::Required;
            mc.fields.push_back({&f});
          }
          break;
        }
        case ast::BlockKind::CompositeType: {
          validate_identifier(ctx, block.name, "Composite type");
          std::set<std::string_view> seen;  // views into the AST
          CompositeType ct;
          ct.name = block.name.name;
          ct.span = block.span;
          for (const auto& f : block.fields) {
            if (!seen.insert(f.name.name).second) {
              ctx.diags.error(
                  fmt::format("Field \"{}\" is already defined on composite type \"{}\".",
                              f.name.name, block.name.name),
                  f.name.span);
            }
            Field field;
            field.name = f.name.name;
            field.span = f.span;
            field.name_span = f.name.span;
            ct.fields.push_back(std::move(field));
          }
          ctx.schema.composite_types.push_back(std::move(ct));
          break;
        }
        case ast::BlockKind::Datasource:
        case ast::BlockKind::Generator: {
          ns = block.kind == ast::BlockKind::Datasource ? &datasources : &generators;
          std::set<std::string_view> seen;  // views into the AST
          for (const auto& p : block.properties) {
            if (!seen.insert(p.name.name).second) {
              ctx.diags.error(fmt::format("Key \"{}\" is already defined in {} \"{}\".",
                                          p.name.name, top_type(block), block.name.name),
                              p.name.span);
            }
          }
          break;
        }
      }
      auto [it, inserted] = ns->emplace(block.name.name, &block);
      if (!inserted) {
        ctx.diags.error(fmt::format("The {} \"{}\" cannot be defined because a {} with that name "
                                    "already exists.",
                                    top_type(block), block.name.name, top_type(*it->second)),
                        block.name.span);
      }
    }
  }
}

void resolve_types(Context& ctx) {
  // First declaration wins, models before enums before composite types (emplace keeps the
  // first), as the linear scan in Prisma's lookup does; hashed so 500 models stay linear.
  std::unordered_map<std::string_view, std::pair<const ast::Block*, std::uint32_t>> tops;
  tops.reserve(ctx.models.size() + ctx.enums.size() + ctx.schema.composite_types.size());
  for (std::uint32_t i = 0; i < ctx.models.size(); ++i)
    tops.emplace(ctx.models[i].ast->name.name, std::pair{ctx.models[i].ast, i});
  for (std::uint32_t i = 0; i < ctx.enums.size(); ++i)
    tops.emplace(ctx.enums[i].ast->name.name, std::pair{ctx.enums[i].ast, i});
  for (std::uint32_t i = 0; i < ctx.schema.composite_types.size(); ++i)
    tops.emplace(ctx.schema.composite_types[i].name,
                 std::pair{static_cast<const ast::Block*>(nullptr), i});
  auto find_top = [&](const std::string& name) -> std::pair<const ast::Block*, std::uint32_t> {
    auto it = tops.find(name);
    if (it == tops.end()) return {nullptr, UINT32_MAX};
    return it->second;
  };
  std::unordered_map<const ast::Block*, std::vector<std::size_t>> models_of_block;
  models_of_block.reserve(ctx.models.size());
  for (std::size_t mi = 0; mi < ctx.models.size(); ++mi)
    models_of_block[ctx.models[mi].ast].push_back(mi);
  auto resolve = [&](const ast::FieldType& t, FieldType& out) -> bool {
    if (t.unsupported) {
      out.kind = FieldType::Kind::Unsupported;
      out.unsupported = t.name;
      return true;
    }
    if (auto s = scalar_type_from_name(t.name)) {
      out.kind = FieldType::Kind::Scalar;
      out.scalar = *s;
      return true;
    }
    auto [block, idx] = find_top(t.name);
    if (idx == UINT32_MAX) {
      ctx.diags.error(fmt::format("Type \"{}\" is neither a built-in type, nor refers to another "
                                  "model, composite type, or enum.",
                                  t.name),
                      t.span);
      return false;
    }
    if (!block) {
      out.kind = FieldType::Kind::Composite;
      out.composite_id = CompositeTypeId{idx};
    } else if (block->kind == ast::BlockKind::Enum) {
      out.kind = FieldType::Kind::Enum;
      out.enum_id = EnumId{idx};
    } else {
      out.kind = FieldType::Kind::Model;
      out.model_id = ModelId{idx};
    }
    return true;
  };

  // Tops in source order: models/views, enums and composite types interleaved as written.
  for (const auto& file : ctx.ast.files) {
    for (const auto& block : file.blocks) {
      if (block.kind == ast::BlockKind::Model || block.kind == ast::BlockKind::View) {
        auto found = models_of_block.find(&block);
        if (found == models_of_block.end()) continue;
        for (std::size_t mi : found->second) {
          for (std::size_t fi = 0; fi < block.fields.size(); ++fi)
            resolve(*block.fields[fi].type, ctx.schema.models[mi].fields[fi].type);
        }
      } else if (block.kind == ast::BlockKind::Enum) {
        if (block.values.empty())
          ctx.diags.error("Error validating: An enum must have at least one value.", block.span);
      } else if (block.kind == ast::BlockKind::CompositeType) {
        for (auto& ct : ctx.schema.composite_types) {
          if (ct.span != block.span) continue;
          for (std::size_t fi = 0; fi < block.fields.size(); ++fi) {
            FieldType t;
            if (!resolve(*block.fields[fi].type, t)) continue;
            if (t.kind == FieldType::Kind::Model) {
              ctx.diags.error(
                  fmt::format("Error validating composite type \"{}\": {} refers to a model, "
                              "making this a relation field. Relation fields inside composite "
                              "types are not supported.",
                              block.name.name, block.fields[fi].type->name),
                  block.fields[fi].type->span);
            }
            ct.fields[fi].type = t;
          }
        }
      }
    }
  }
}

}  // namespace godwit::psl::detail

namespace godwit::psl {

bool is_reserved_model_name(std::string_view name) {
  // ENG parser-database names/reserved_model_names.rs.
  static constexpr std::array<std::string_view, 45> kReserved = {
      "PrismaClient", "break",   "case",       "catch",     "class",    "const", "continue",
      "debugger",     "default", "delete",     "do",        "else",     "enum",  "export",
      "extends",      "false",   "finally",    "for",       "function", "if",    "implements",
      "import",       "in",      "instanceof", "interface", "let",      "new",   "null",
      "package",      "private", "protected",  "public",    "return",   "super", "switch",
      "this",         "throw",   "true",       "try",       "typeof",   "var",   "void",
      "while",        "with",    "yield"};
  return std::find(kReserved.begin(), kReserved.end(), name) != kReserved.end();
}

}  // namespace godwit::psl
