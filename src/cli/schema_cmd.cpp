// validate and format (prisma-compat.md §5.12): thin wrappers over src/psl.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "project/project.hpp"
#include "project/project_config.hpp"
#include "psl/datasource.hpp"
#include "psl/diagnostics.hpp"
#include "psl/format.hpp"
#include "psl/schema_path.hpp"
#include "psl/validate.hpp"

namespace godwit::cli {
namespace {
namespace fs = std::filesystem;

struct SchemaOptions {
  std::string schema;
  std::string config;
  bool check = false;
};

std::string shown(const fs::path& p) {
  std::string s = p.generic_string();
  while (s.size() > 2 && s.compare(0, 2, "./") == 0)
    s.erase(0, 2);
  return s;
}

psl::SchemaSource load(const SchemaOptions& o, fs::path& path) {
  std::optional<fs::path> given;
  if (!o.schema.empty()) given = fs::path(o.schema);
  std::optional<fs::path> config;
  if (!o.config.empty()) config = fs::path(o.config);
  // --schema wins; else the config's `schema` (prisma.config.ts or package.json), as Prisma.
  auto cwd = fs::current_path();
  auto pc = project::load_project_config(config, cwd, project::process_env());
  if (!given && pc.schema) {
    std::error_code ec;
    if (!fs::exists(*pc.schema, ec)) {
      throw core::Error("P1012",
                        fmt::format("Could not load schema from `{}` provided by {}: file or "
                                    "directory not found",
                                    pc.schema->string(), pc.file->filename().string()));
    }
    path = *pc.schema;
    return psl::load_schema_source(path);
  }
  // With a prisma.config.ts, the default places are looked up in its folder, as Prisma does.
  bool prisma7 = pc.file && !pc.is_package_json;
  path = psl::resolve_schema_path(given, !given && prisma7 ? pc.file->parent_path() : cwd);
  return psl::load_schema_source(path);
}

void print_warnings(const psl::Diagnostics& diags) {
  auto warnings = diags.warnings();
  if (warnings.empty()) return;
  std::cout << (warnings.size() == 1 ? "Prisma schema warning:\n" : "Prisma schema warnings:\n");
  for (const auto& w : warnings)
    std::cout << "- " << w.message << "\n";
}

int run_validate(const SchemaOptions& o) {
  fs::path path;
  auto source = load(o, path);
  auto result = psl::validate_schema(source);
  print_warnings(result.diagnostics);
  psl::throw_if_errors(source, result.diagnostics);
  if (source.files.size() > 1) {
    std::cout << fmt::format("The schemas at {} are valid 🚀\n", shown(path));
  } else {
    std::cout << fmt::format("The schema at {} is valid 🚀\n", shown(path));
  }
  return 0;
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out)
    throw core::Error("GW1002", "Could not write the formatted schema to " + p.string() + ".");
}

int run_format(const SchemaOptions& o) {
  auto start = std::chrono::steady_clock::now();
  fs::path path;
  auto source = load(o, path);
  psl::Diagnostics syntax;
  psl::SchemaSource formatted = source;
  for (std::uint32_t i = 0; i < source.files.size(); ++i)
    formatted.files[i].text = psl::format_file(source.files[i].text, i, syntax);
  // As Prisma does, the formatted schema must validate before anything is written; errors
  // point into the formatted text.
  auto result = psl::validate_schema(formatted);
  print_warnings(result.diagnostics);
  psl::throw_if_errors(formatted, result.diagnostics);
  bool changed = false;
  for (std::size_t i = 0; i < source.files.size(); ++i)
    changed = changed || formatted.files[i].text != source.files[i].text;
  if (o.check) {
    if (changed) {
      throw core::Error("GW1001", "There are unformatted files. Run godwit format to format them.");
    }
    std::cout << "All files are formatted correctly!\n";
    return 0;
  }
  for (std::size_t i = 0; i < source.files.size(); ++i)
    if (formatted.files[i].text != source.files[i].text)
      write_file(source.files[i].path, formatted.files[i].text);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start);
  std::cout << fmt::format("Formatted {} in {}ms 🚀\n", shown(path), ms.count());
  return 0;
}

// --schema and --config, which validate and format both read.
void add_schema_source_options(CLI::App& command, SchemaOptions& opts) {
  command
      .add_option("--schema", opts.schema,
                  "Schema file or folder (default: the config's `schema`, else "
                  "prisma/schema.prisma, then schema.prisma)")
      ->type_name("PATH");
  command.add_option("--config", opts.config, "Prisma config file (default: prisma.config.ts…)")
      ->type_name("FILE");
}

}  // namespace

void add_schema_commands(CLI::App& app, Action& action) {
  auto opts = std::make_shared<SchemaOptions>();
  auto* validate = app.add_subcommand("validate", "Validate the Prisma schema");
  add_schema_source_options(*validate, *opts);
  validate->callback([&action, opts] { action = [opts] { return run_validate(*opts); }; });

  auto* format = app.add_subcommand("format", "Format the Prisma schema");
  add_schema_source_options(*format, *opts);
  format->add_flag("--check", opts->check, "Fail if a file is not formatted; change nothing");
  format->callback([&action, opts] { action = [opts] { return run_format(*opts); }; });
}

}  // namespace godwit::cli
