#include "dialect/introspect.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "psl/validate.hpp"

namespace godwit::dialect {

std::optional<std::string> provider_of_url(std::string_view url) {
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) return "postgresql";
  if (url.starts_with("file:") || url.starts_with("sqlite:")) return "sqlite";
  return std::nullopt;
}

schema::InspectOptions inspect_options(const project::Project& project) {
  const auto model =
      project.model
          ? project.model
          : std::make_shared<const psl::Schema>(psl::validate_schema(project.schema).schema);
  const psl::Schema& schema = *model;
  schema::InspectOptions options;
  options.namespaces = project.datasource.schemas;
  options.external_tables = project.external_tables;
  options.external_enums = project.external_enums;
  options.extensions = schema.has_preview_feature("postgresqlExtensions");
  options.partial_indexes = schema.has_preview_feature("partialIndexes");
  return options;
}

schema::Inspection inspect_database(const project::DatabaseTarget& target,
                                    const schema::InspectOptions& options) {
  const migrate::Dialect* runner = find(target.provider);  // GW2002 when unsupported
  const Parts& parts = *find_parts(target.provider);
  auto conn = runner->connect(target, /*create=*/false);
  std::unique_ptr<db::Connection> second;  // opened on the inspector's thread, closed after it
  schema::InspectOptions with_second = options;
  with_second.second_connection = [&second, runner, &target] {
    second = runner->connect(target, /*create=*/false);
    return second.get();
  };
  try {
    return parts.inspector->inspect(*conn, with_second);
  } catch (const db::DatabaseError& e) {
    throw core::Error("GW1120",
                      fmt::format("Reading the schema of {} failed: {} ({})",
                                  runner->describe(target), e.message(), e.code()),
                      "Check that the user may read the system catalogs of the database.");
  }
}

}  // namespace godwit::dialect
