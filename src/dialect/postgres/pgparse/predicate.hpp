#pragma once
// Partial index predicates compared as PostgreSQL reads them, not as text: a schema's
// `where: raw("status = 'active'")` and the database's `(status = 'active'::text)` (pg_get_expr
// of pg_index.indpred) are the same index.

#include <optional>
#include <string>
#include <string_view>

namespace godwit::postgres {

/// A canonical text of the boolean expression `expr`: PostgreSQL 15's parse tree of
/// `SELECT WHERE <expr>` (libpg_query's protobuf structs), written out field by field without
/// source positions, so that white space, parentheses, identifier quotes, `!=`/`<>` and the
/// case of keywords and unquoted names do not count. A cast of a string constant to a type
/// named by one word (`'a'::text`, `'A'::"Status"`: what pg_get_expr adds to a literal compared
/// with a text or enum column) is dropped; other casts stay (`(v)::text`,
/// `'x'::character varying`), as in Prisma 7.10.1, which tells those apart too.
/// nullopt when `expr` is not exactly one expression PostgreSQL can parse (or holds a NUL).
std::optional<std::string> canonical_predicate(std::string_view expr);

/// Two predicates name the same rows as far as their parse trees tell: equal canonical texts,
/// or, when either does not parse, equal texts.
bool same_predicate(std::string_view a, std::string_view b);

}  // namespace godwit::postgres
