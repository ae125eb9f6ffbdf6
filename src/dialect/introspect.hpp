#pragma once
// Reading a live database into a catalog from a URL or a resolved target: the dialect's runner
// connects (never creating the database), its inspector reads (schema/inspector.hpp).

#include <optional>
#include <string>
#include <string_view>

#include "project/project.hpp"
#include "project/target.hpp"
#include "psl/model.hpp"
#include "schema/inspector.hpp"

namespace godwit::dialect {

/// The provider a connection URL is for: "postgresql" (`postgres://`, `postgresql://`),
/// "sqlite" (`file:`, `sqlite:`); nullopt for any other scheme.
std::optional<std::string> provider_of_url(std::string_view url);

/// What to read of `project`'s database, as Prisma reads it for that project: the
/// datasource's namespaces (`schemas = [...]`), prisma.config.ts's external tables and enums,
/// and what the schema's preview features add: extensions (`postgresqlExtensions`) and partial
/// index predicates (`partialIndexes`). Uses the project's validated model; a Project built
/// without load_project (no model) has its schema validated here, errors ignored (an invalid
/// schema still names its preview features).
schema::InspectOptions inspect_options(const project::Project& project);

/// Connects to `target` and reads it. Errors: the runner's connection errors (P1000-P1017;
/// P1003 when the database does not exist), GW2002 for a provider godwit does not support,
/// GW1120 when a catalog query fails (with the database's message).
schema::Inspection inspect_database(const project::DatabaseTarget& target,
                                    const schema::InspectOptions& options);

}  // namespace godwit::dialect
