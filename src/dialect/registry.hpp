#pragma once
// The dialects godwit knows, registered explicitly (no static initialisers). A dialect is a
// plain struct of its parts (docs/architecture.md, "Core seams"); code that needs one of them
// asks the registry by provider instead of comparing provider strings itself.

#include <string_view>

#include "archive/keeper.hpp"
#include "backup/archiver.hpp"
#include "diff/policy.hpp"
#include "down/renames.hpp"
#include "lint/finding.hpp"
#include "migrate/dialect.hpp"
#include "migrate/preview.hpp"
#include "migrate/probe.hpp"
#include "migrate/reset.hpp"
#include "psl/catalog_builder.hpp"
#include "schema/inspector.hpp"
#include "schema/renderer.hpp"

namespace godwit::dialect {

/// Everything godwit has for one kind of database. Pointers are to immutable objects that
/// live as long as the program; a null slot is a part the dialect does not have yet.
struct Parts {
  std::string_view provider;                          ///< canonical: "postgresql", "sqlite"
  const migrate::Dialect* runner = nullptr;           ///< connect, split, lock, apply, history DDL
  const schema::Renderer* renderer = nullptr;         ///< Catalog -> Prisma's SQL
  const psl::CatalogFlavour* psl = nullptr;           ///< how a Prisma schema lowers to a Catalog
  const schema::Inspector* inspector = nullptr;       ///< live database -> Catalog
  const diff::DiffPolicy* diff_policy = nullptr;      ///< the differ's hooks
  const down::RenameReader* renames = nullptr;        ///< a migration's renames (down-gen)
  const lint::Linter* linter = nullptr;               ///< migration lint rules (docs/lint.md)
  const migrate::DeployPreviewer* preview = nullptr;  ///< deploy --dry-run: locks, sizes
  const migrate::Resetter* resetter = nullptr;        ///< empties the database (migrate reset)
  const backup::Archiver* archiver = nullptr;         ///< backup files: dump, restore, scratch copy
  const migrate::Probe* probe = nullptr;              ///< godwit check: server, locks, lag, size
  const archive::Keeper* keeper = nullptr;  ///< deploy --archive, down's restore (archive/)
};

/// The parts for a datasource provider ("postgres" is PostgreSQL too); nullptr for a
/// provider godwit does not support.
const Parts* find_parts(std::string_view provider);

/// The migration runner for a provider.
/// Errors: GW2002 for a provider godwit does not support.
const migrate::Dialect* find(std::string_view provider);

}  // namespace godwit::dialect
