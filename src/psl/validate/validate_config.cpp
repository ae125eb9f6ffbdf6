// datasource and generator blocks (ENG psl-core validate/datasource_loader.rs,
// generator_loader.rs; preview features as listed by Prisma 7.10.1).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "psl/validate/validate_context.hpp"

namespace godwit::psl::detail {
namespace {

// Prisma 7.10.1's active preview features, in its message order.
constexpr std::array<std::string_view, 10> kActiveFeatures = {"fullTextSearchPostgres",
                                                              "nativeDistinct",
                                                              "partialIndexes",
                                                              "postgresqlExtensions",
                                                              "relationJoins",
                                                              "schemaEngineDriverAdapters",
                                                              "shardKeys",
                                                              "strictUndefinedChecks",
                                                              "typedSql",
                                                              "views"};

// Features Prisma 7 still recognises but that are GA now (a warning, not an error).
constexpr std::array<std::string_view, 43> kDeprecatedFeatures = {"aggregateApi",
                                                                  "atomicNumberOperations",
                                                                  "clientExtensions",
                                                                  "cockroachdb",
                                                                  "connectOrCreate",
                                                                  "createMany",
                                                                  "dataProxy",
                                                                  "deno",
                                                                  "distinct",
                                                                  "driverAdapters",
                                                                  "extendedIndexes",
                                                                  "extendedWhereUnique",
                                                                  "fieldReference",
                                                                  "filteredRelationCount",
                                                                  "filterJson",
                                                                  "fullTextIndex",
                                                                  "groupBy",
                                                                  "improvedQueryRaw",
                                                                  "interactiveTransactions",
                                                                  "jsonProtocol",
                                                                  "microsoftSqlServer",
                                                                  "middlewares",
                                                                  "mongoDb",
                                                                  "multiSchema",
                                                                  "namedConstraints",
                                                                  "napi",
                                                                  "nativeTypes",
                                                                  "omitApi",
                                                                  "orderByAggregateGroup",
                                                                  "orderByNulls",
                                                                  "orderByRelation",
                                                                  "prismaSchemaFolder",
                                                                  "queryCompiler",
                                                                  "referentialActions",
                                                                  "referentialIntegrity",
                                                                  "selectRelationCount",
                                                                  "tracing",
                                                                  "transactionApi",
                                                                  "uncheckedScalarInputs",
                                                                  "fullTextSearch",
                                                                  "metrics",
                                                                  "relationMode",
                                                                  "postgresExtensions"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <std::size_t N>
std::optional<std::string_view> find_ci(const std::array<std::string_view, N>& list,
                                        std::string_view s) {
  for (auto f : list)
    if (lower(f) == lower(s)) return f;
  return std::nullopt;
}

bool is_env_call(const ast::Expression& e) {
  return e.kind == ast::Expression::Kind::Function && e.value == "env";
}

/// A string literal or env("NAME") (Prisma's StringFromEnvVar); nullopt after reporting.
std::optional<StringOrEnv> string_or_env(Context& ctx, const ast::Expression& e) {
  StringOrEnv out;
  LineCol lc = line_col(ctx.source.files.at(e.span.file).text, e.span.start);
  out.where =
      core::SourceLocation{display_path(ctx.source.files.at(e.span.file)), lc.line, lc.column};
  if (e.kind == ast::Expression::Kind::String) {
    out.value = e.value;
    return out;
  }
  if (is_env_call(e)) {
    if (e.args.size() == 1 && !e.args[0].name &&
        e.args[0].value.kind == ast::Expression::Kind::String) {
      out.value = e.args[0].value.value;
      out.from_env = true;
      return out;
    }
    ctx.diags.error("The env function expects a singular, unnamed, string argument.", e.span);
    return std::nullopt;
  }
  ctx.diags.error(fmt::format("Expected a String value, but received {} value `{}`.",
                              describe_value_type(e), ctx.display(e)),
                  e.span);
  return std::nullopt;
}

void load_datasource(Context& ctx, const ast::Block& b, std::vector<DatasourceCtx>& out,
                     std::vector<Datasource>& public_out, std::vector<Extension>& extensions) {
  for (const auto& p : b.properties) {
    if (!p.value) {
      ctx.diags.error(fmt::format("Property {} in datasource {} needs to be assigned a value",
                                  p.name.name, b.name.name),
                      b.span);
      return;
    }
  }
  std::vector<const ast::Property*> props;
  for (const auto& p : b.properties)
    props.push_back(&p);
  auto take = [&](std::string_view key) -> const ast::Property* {
    // Duplicates were reported by name resolution; the last one wins, as in Prisma's map.
    const ast::Property* found = nullptr;
    for (auto it = props.begin(); it != props.end();) {
      if ((*it)->name.name == key) {
        found = *it;
        it = props.erase(it);
      } else {
        ++it;
      }
    }
    return found;
  };
  DatasourceCtx ds;
  ds.name = b.name.name;
  ds.span = b.span;
  Datasource pub;
  pub.name = b.name.name;
  LineCol lc = line_col(ctx.source.files.at(b.span.file).text, b.keyword.span.start);
  pub.where =
      core::SourceLocation{display_path(ctx.source.files.at(b.span.file)), lc.line, lc.column};
  pub.file = ctx.source.files.at(b.span.file).path;
  pub.relation_mode = "foreignKeys";

  const ast::Property* provider = take("provider");
  if (!provider) {
    ctx.diags.error(
        fmt::format("Argument \"provider\" is missing in data source block \"{}\".", b.name.name),
        b.span);
    return;
  }
  const auto& pv = *provider->value;
  if (is_env_call(pv)) {
    ctx.diags.error("A datasource must not use the env() function in the provider argument.",
                    b.span);
    return;
  }
  if (pv.kind != ast::Expression::Kind::String || pv.value.empty()) {
    ctx.diags.error(fmt::format("Error validating datasource `{}`: The provider argument in a "
                                "datasource must {}",
                                b.name.name,
                                pv.kind != ast::Expression::Kind::String ? "be a string literal"
                                                                         : "not be empty"),
                    pv.span);
    return;
  }
  const Connector* c = connector_for(pv.value);
  if (!c) {
    ctx.diags.error(fmt::format("Datasource provider not known: \"{}\".", pv.value), pv.span);
    return;
  }
  ds.provider = pv.value;
  ds.connector = c;
  pub.provider = std::string(c->provider);

  const ast::Property* rm = take("relationMode");
  const ast::Property* ri = take("referentialIntegrity");
  if (ri) {
    ctx.diags.warning(
        "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` "
        "instead. Learn more at https://pris.ly/d/relation-mode",
        ri->span);
  }
  if (rm && ri) {
    ctx.diags.error(
        "The `referentialIntegrity` and `relationMode` attributes cannot be used "
        "together. Please use only `relationMode` instead.",
        ri->span);
  } else if (rm || ri) {
    const auto& v = *(rm ? rm : ri)->value;
    if (const auto* s = coerce_string(ctx, v)) {
      if (*s == "prisma" || *s == "foreignKeys") {
        ds.relation_mode_prisma = *s == "prisma";
        pub.relation_mode = *s;
      } else {
        ctx.diags.error(fmt::format("Error validating datasource `relationMode`: Invalid relation "
                                    "mode setting: \"{}\". Supported values: \"prisma\", "
                                    "\"foreignKeys\"",
                                    *s),
                        b.span);
      }
    }
  }
  if (c->provider == "postgresql" || c->provider == "cockroachdb") {
    if (const ast::Property* ext = take("extensions")) {
      const auto& v = *ext->value;
      auto one = [&](const ast::Expression& e) {
        Extension x;
        if (e.kind == ast::Expression::Kind::Constant) {
          x.name = e.value;
        } else if (e.kind == ast::Expression::Kind::Function) {
          x.name = e.value;
          for (const auto& a : e.args) {
            if (!a.name) continue;
            const auto* s = coerce_string(ctx, a.value);
            if (!s) continue;
            if (a.name->name == "schema")
              x.schema = *s;
            else if (a.name->name == "version")
              x.version = *s;
            else if (a.name->name == "map")
              x.db_name = *s;
            else
              ctx.diags.error(fmt::format("Argument not known: \"{}\".", a.name->name), a.span);
          }
        } else {
          ctx.diags.error(fmt::format("Expected a constant value, but received {} value `{}`.",
                                      describe_value_type(e), ctx.display(e)),
                          e.span);
          return;
        }
        extensions.push_back(std::move(x));
      };
      if (v.kind == ast::Expression::Kind::Array) {
        for (const auto& i : v.items)
          one(i);
      } else {
        one(v);
      }
      if (!ctx.preview_features.count("postgresqlExtensions")) {
        ctx.diags.error(
            "The `extensions` property is only available with the "
            "`postgresqlExtensions` preview feature.",
            ext->span);
      }
    }
  }
  if (const ast::Property* url = take("url")) pub.url = string_or_env(ctx, *url->value);
  if (const ast::Property* shadow = take("shadowDatabaseUrl")) {
    pub.shadow_database_url = string_or_env(ctx, *shadow->value);
    if (pub.shadow_database_url && !pub.shadow_database_url->from_env &&
        pub.shadow_database_url->value.empty())
      pub.shadow_database_url.reset();
  }
  if (const ast::Property* direct = take("directUrl"))
    pub.direct_url = string_or_env(ctx, *direct->value);
  auto same = [](const std::optional<StringOrEnv>& a, const std::optional<StringOrEnv>& b) {
    return a && b && a->value == b->value && a->from_env == b->from_env;
  };
  if (pub.shadow_database_url) {
    if (same(pub.shadow_database_url, pub.direct_url)) {
      ctx.diags.error(
          fmt::format("shadowDatabaseUrl is the same as directUrl for datasource \"{}\". "
                      "Please specify a different database as shadow database to avoid "
                      "data loss.",
                      b.name.name),
          b.span);
    }
    if (same(pub.shadow_database_url, pub.url)) {
      ctx.diags.error(fmt::format("shadowDatabaseUrl is the same as url for datasource \"{}\". "
                                  "Please specify a different database as shadow database to avoid "
                                  "data loss.",
                                  b.name.name),
                      b.span);
    }
  }
  if (const ast::Property* pf = take("previewFeatures")) {
    ctx.diags.error(
        "Preview features are only supported in the generator block. Please move this "
        "field to the generator block.",
        pf->span);
  }
  if (const ast::Property* schemas = take("schemas")) {
    const auto& v = *schemas->value;
    std::vector<std::pair<std::string, Span>> names;
    bool ok = true;
    auto one = [&](const ast::Expression& e) {
      if (const auto* s = coerce_string(ctx, e)) {
        names.emplace_back(*s, e.span);
      } else {
        ok = false;
      }
    };
    if (v.kind == ast::Expression::Kind::Array) {
      for (const auto& i : v.items)
        one(i);
    } else {
      one(v);
    }
    if (ok) {
      if (names.empty()) {
        ctx.diags.error("If provided, the schemas array can not be empty.", v.span);
      } else {
        std::sort(names.begin(), names.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 1; i < names.size(); ++i) {
          if (names[i].first == names[i - 1].first)
            ctx.diags.error("Duplicated schema names are not allowed", names[i - 1].second);
        }
        ds.schemas_span = v.span;
        for (const auto& [n, s] : names) {
          ds.schemas.push_back(n);
          pub.schemas.push_back(n);
        }
      }
    }
  }
  for (const auto* p : props)
    ctx.diags.error(fmt::format("Property not known: \"{}\".", p->name.name), p->span);
  out.push_back(std::move(ds));
  public_out.push_back(std::move(pub));
}

void load_generator(Context& ctx, const ast::Block& b, Generator& g) {
  g.name = b.name.name;
  g.span = b.span;
  for (const auto& p : b.properties) {
    if (!p.value) {
      ctx.diags.error(fmt::format("Property {} in generator {} needs to be assigned a value",
                                  p.name.name, b.name.name),
                      b.span);
      return;
    }
  }
  const ast::Property* provider = nullptr;
  for (const auto& p : b.properties) {
    const auto& v = *p.value;
    if (p.name.name == "provider") {
      provider = &p;
      if (auto s = string_or_env(ctx, v)) g.provider = s->value;
    } else if (p.name.name == "output") {
      if (auto s = string_or_env(ctx, v)) g.output = s->value;
    } else if (p.name.name == "engineType") {
      if (v.kind != ast::Expression::Kind::String)
        ctx.diags.error(fmt::format("Expected a String value, but received {} value `{}`.",
                                    describe_value_type(v), ctx.display(v)),
                        v.span);
    } else if (p.name.name == "binaryTargets") {
      auto one = [&](const ast::Expression& e) {
        if (auto s = string_or_env(ctx, e)) g.binary_targets.push_back(s->value);
      };
      if (v.kind == ast::Expression::Kind::Array) {
        for (const auto& i : v.items)
          one(i);
      } else {
        one(v);
      }
    } else if (p.name.name == "previewFeatures") {
      std::vector<std::string> names;
      bool ok = true;
      auto one = [&](const ast::Expression& e) {
        if (const auto* s = coerce_string(ctx, e)) {
          names.push_back(*s);
        } else {
          ok = false;
        }
      };
      if (v.kind == ast::Expression::Kind::Array) {
        for (const auto& i : v.items)
          one(i);
      } else {
        one(v);
      }
      if (!ok) continue;
      std::string expected;
      for (std::size_t i = 0; i < kActiveFeatures.size(); ++i)
        expected += (i ? ", " : "") + std::string(kActiveFeatures[i]);
      for (const auto& n : names) {
        g.preview_features.push_back(n);
        if (auto f = find_ci(kActiveFeatures, n)) {
          ctx.preview_features.insert(std::string(*f));
        } else if (lower(n) == "fulltextsearch") {
          ctx.preview_features.insert("fullTextSearchPostgres");
          ctx.diags.warning(
              "On `provider = \"postgresql\"`, preview feature \"fullTextSearch\" has "
              "been renamed to \"fullTextSearchPostgres\". Learn more at "
              "https://pris.ly/d/fts-postgres.",
              v.span);
        } else if (lower(n) == "metrics") {
          // Prisma 7 rejects it; godwit only warns so that Prisma 5/6 schemas keep working.
          ctx.diags.warning(fmt::format("Preview feature \"{}\" is not known to Prisma 7; godwit "
                                        "ignores it.",
                                        n),
                            v.span);
        } else if (find_ci(kDeprecatedFeatures, n)) {
          ctx.diags.warning(
              fmt::format("Preview feature \"{}\" is deprecated. The functionality can "
                          "be used without specifying it as a preview feature.",
                          n),
              v.span);
        } else {
          ctx.diags.error(
              fmt::format("The preview feature \"{}\" is not known. Expected one of: {}", n,
                          expected),
              v.span);
        }
      }
    }
  }
  if (!provider) {
    ctx.diags.error(
        fmt::format("Argument \"provider\" is missing in generator block \"{}\".", b.name.name),
        b.span);
  }
}

}  // namespace

void load_configuration(Context& ctx) {
  // Generators first: preview features decide datasource checks.
  for (const auto& file : ctx.ast.files) {
    for (const auto& b : file.blocks) {
      if (b.kind != ast::BlockKind::Generator) continue;
      Generator g;
      load_generator(ctx, b, g);
      ctx.schema.generators.push_back(std::move(g));
    }
  }
  std::vector<DatasourceCtx> sources;
  std::vector<Datasource> public_sources;
  std::vector<const ast::Block*> blocks;
  for (const auto& file : ctx.ast.files) {
    for (const auto& b : file.blocks) {
      if (b.kind != ast::BlockKind::Datasource) continue;
      blocks.push_back(&b);
      load_datasource(ctx, b, sources, public_sources, ctx.schema.extensions);
    }
  }
  if (sources.size() > 1) {
    for (const auto* b : blocks) {
      ctx.diags.error(fmt::format("Error validating datasource `{}`: You defined more than one "
                                  "datasource. This is not allowed yet because support for "
                                  "multiple databases has not been implemented yet.",
                                  b->name.name),
                      b->span);
    }
  }
  if (!sources.empty()) {
    ctx.datasource = sources.front();
    ctx.connector = sources.front().connector;
    ctx.relation_mode_prisma = sources.front().relation_mode_prisma;
    ctx.schema.datasource = public_sources.front();
  }
}

}  // namespace godwit::psl::detail
