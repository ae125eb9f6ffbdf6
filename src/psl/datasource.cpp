#include "psl/datasource.hpp"

#include "psl/validate/validate_context.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "psl/diagnostics.hpp"
#include "psl/parser.hpp"

namespace godwit::psl {
namespace fs = std::filesystem;

namespace {

std::string read_whole(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    throw core::Error("P1012", "Could not read the schema file at " + p.string() + ".");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw core::Error("P1012", "Could not read the schema file at " + p.string() + ".");
  return ss.str();
}

core::SourceLocation location(const SchemaSource& source, Span span) {
  const SourceFile& f = source.files.at(span.file);
  LineCol lc = line_col(f.text, span.start);
  return core::SourceLocation{display_path(f), lc.line, lc.column};
}

const char* describe(const ast::Expression& e) {
  return detail::describe_value_type(e);
}

std::string raw_text(const SchemaSource& source, const ast::Expression& e) {
  return std::string(span_text(source.files.at(e.span.file).text, e.span));
}

}  // namespace

std::string_view canonical_provider(std::string_view provider) {
  return provider == "postgres" ? std::string_view("postgresql") : provider;
}

SchemaSource load_schema_source(const fs::path& file_or_dir) {
  SchemaSource out;
  out.root = file_or_dir;
  std::error_code ec;
  auto status = fs::status(file_or_dir, ec);
  if (ec || !fs::exists(status)) {
    throw core::Error("P1012", "Could not find a schema file at " + file_or_dir.string() + ".",
                      "Pass an existing file or folder with --schema.");
  }
  if (fs::is_directory(status)) {
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(file_or_dir,
                                        fs::directory_options::follow_directory_symlink, ec);
    if (ec) {
      throw core::Error("P1012", "Could not read the schema folder " + file_or_dir.string() + ".");
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        throw core::Error("P1012",
                          "Could not read the schema folder " + file_or_dir.string() + ".");
      }
      if (it->is_regular_file(ec) && it->path().extension() == ".prisma")
        found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      throw core::Error(
          "P1012", "Could not find any .prisma file in the folder " + file_or_dir.string() + ".");
    }
    for (auto& p : found)
      out.files.push_back({p, read_whole(p)});
  } else {
    out.files.push_back({file_or_dir, read_whole(file_or_dir)});
  }
  return out;
}

Datasource read_datasource(const SchemaSource& source) {
  Diagnostics diags;
  ast::Schema schema = parse_schema(source, diags);
  throw_if_errors(source, diags);

  const ast::Block* found = nullptr;
  for (const auto& f : schema.files) {
    for (const auto& b : f.blocks) {
      if (b.kind != ast::BlockKind::Datasource) continue;
      if (found) {
        diags.error(
            "You defined more than one datasource. This is not allowed yet because support for "
            "multiple databases has not been implemented yet.",
            b.span);
      } else {
        found = &b;
      }
    }
  }
  throw_if_errors(source, diags);
  if (!found) {
    throw core::Error("P1012", "The schema has no datasource block.",
                      "Add a datasource block, e.g. datasource db { provider = \"postgresql\" }.",
                      source.files.empty() ? std::nullopt
                                           : std::optional(core::SourceLocation{
                                                 display_path(source.files.front()), 0, 0}));
  }

  Datasource ds;
  ds.name = found->name.name;
  ds.where = location(source, found->keyword.span);
  ds.file = source.files.at(found->span.file).path;
  ds.relation_mode = "foreignKeys";
  bool have_provider = false;

  auto string_value = [&](const ast::Property& p) -> std::optional<std::string> {
    const auto& v = *p.value;
    if (v.kind == ast::Expression::Kind::String) return v.value;
    diags.error("Expected a String value, but received " + std::string(describe(v)) + " value `" +
                    raw_text(source, v) + "`.",
                v.span);
    return std::nullopt;
  };
  auto string_or_env = [&](const ast::Property& p) -> std::optional<StringOrEnv> {
    const auto& v = *p.value;
    StringOrEnv out;
    out.where = location(source, v.span);
    if (v.kind == ast::Expression::Kind::String) {
      out.value = v.value;
      return out;
    }
    if (v.kind == ast::Expression::Kind::Function && v.value == "env") {
      if (v.args.size() == 1 && !v.args[0].name &&
          v.args[0].value.kind == ast::Expression::Kind::String) {
        out.value = v.args[0].value.value;
        out.from_env = true;
        return out;
      }
      diags.error("The env function expects a singular, unnamed, string argument.", v.span);
      return std::nullopt;
    }
    diags.error("Expected a String value, but received " + std::string(describe(v)) + " value `" +
                    raw_text(source, v) + "`.",
                v.span);
    return std::nullopt;
  };

  for (const auto& p : found->properties) {
    if (!p.value) {
      diags.error("Property " + std::string(p.name.name) + " in datasource " + ds.name +
                      " needs to be assigned a value",
                  found->span);
      continue;
    }
    std::string_view key = p.name.name;
    if (key == "provider") {
      have_provider = true;
      if (auto s = string_value(p)) ds.provider = canonical_provider(*s);
    } else if (key == "url") {
      ds.url = string_or_env(p);
    } else if (key == "directUrl") {
      ds.direct_url = string_or_env(p);
    } else if (key == "shadowDatabaseUrl") {
      ds.shadow_database_url = string_or_env(p);
    } else if (key == "relationMode") {
      if (auto s = string_value(p)) ds.relation_mode = *s;
    } else if (key == "schemas") {
      const auto& v = *p.value;
      if (v.kind != ast::Expression::Kind::Array) {
        diags.error("Expected a String array value, but received " + std::string(describe(v)) +
                        " value `" + raw_text(source, v) + "`.",
                    v.span);
        continue;
      }
      for (const auto& item : v.items) {
        if (item.kind == ast::Expression::Kind::String) {
          ds.schemas.push_back(item.value);
        } else {
          diags.error("Expected a String value, but received " + std::string(describe(item)) +
                          " value `" + raw_text(source, item) + "`.",
                      item.span);
        }
      }
    }
  }
  if (!have_provider) {
    diags.error("Argument \"provider\" is missing in data source block \"" + ds.name + "\".",
                found->span);
  }
  throw_if_errors(source, diags);
  return ds;
}

}  // namespace godwit::psl
