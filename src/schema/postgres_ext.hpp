#pragma once
// PostgreSQL-only facts about catalog objects, kept beside the dialect-neutral structs as
// typed side data (as Prisma's describer keeps `PostgresSchemaExt`, ENG
// sql-schema-describer/src/postgres.rs): a SQLite catalog leaves it empty, and neutral code
// (the differ, the dump) never needs to know an index's access method to pair two indexes.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "schema/ids.hpp"

namespace godwit::schema {

/// The index access method (`CREATE INDEX ... USING <method>`; Prisma's `@@index(type: ...)`).
enum class IndexAlgorithm : std::uint8_t { BTree, Hash, Gist, Gin, SpGist, Brin };

std::string_view to_string(IndexAlgorithm a);

/// An index's PostgreSQL details.
struct PostgresIndex {
  IndexAlgorithm algorithm = IndexAlgorithm::BTree;
  /// One entry per index column, the operator class as SQL (`jsonb_path_ops`, from Prisma's
  /// `ops:`); "" = the type's default class. Shorter than the column list (often empty): the
  /// missing entries are "".
  std::vector<std::string> operator_classes;
  /// Read from a database only: which entries of `operator_classes` are their column type's
  /// default class (pg_opclass.opcdefault). Prisma's describer keeps those for GiST, GIN,
  /// SP-GiST and BRIN indexes (its script prints them), while a Prisma schema leaves them out:
  /// both mean the same index, so the differ takes a default class as "".
  std::vector<bool> default_operator_classes;
  /// Read from a database only: the index has a WHERE condition, which the model does not keep
  /// (Prisma 7.10.1 neither); the differ never drops it, as Prisma never does (the corpus's
  /// drift scripts keep every partial index made by hand).
  bool partial = false;
  /// Read from a database only: a partial index's condition as PostgreSQL prints it
  /// (pg_get_expr of pg_index.indpred). `db pull` writes it as `where: raw("...")`, as Prisma
  /// 7.10.1's introspection does; the differ and the renderers do not use it (see `partial`).
  std::string condition;
  friend bool operator==(const PostgresIndex&, const PostgresIndex&) = default;
};

struct PostgresExt {
  /// Only indexes with a non-default access method or operator class are listed; ordered by
  /// id, so that two catalogs compare and print the same.
  std::map<IndexId, PostgresIndex> indexes;

  /// The index's details (defaults when it is not listed).
  const PostgresIndex& index(IndexId id) const;
  /// The operator class of the index's `position`th column ("" = default).
  std::string_view operator_class(IndexId id, std::size_t position) const;

  friend bool operator==(const PostgresExt&, const PostgresExt&) = default;
};

}  // namespace godwit::schema
