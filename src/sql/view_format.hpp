#pragma once
// The text `prisma db pull` (with the "views" preview feature) writes for a database view.

#include <string>
#include <string_view>

namespace godwit::sql {

/// A view's definition as Prisma 7.10.1's `db pull` writes it to views/<schema>/<name>.sql.
///
/// Prisma's schema engine passes the server's definition (PostgreSQL: `pg_views.definition`,
/// i.e. `pg_get_viewdef(oid)`) through the Rust crate sqlformat 0.2.6 with upper-cased keywords
/// and otherwise default options (2-space indent, one line break after each `;`). This is that
/// formatter's behaviour, quirks included, because the file must match byte for byte:
///   - the text is re-spaced token by token: every token is followed by one space, taken back
///     before `,` `.` `:` `;` and an inline `)`, and before a `(` that the input wrote without
///     white space in front (`count(*)`, but `IN (`); `::` and `||` are spaced like words;
///   - clause keywords (SELECT, FROM, WHERE, GROUP BY, ORDER BY, HAVING, LIMIT, SET ...; not
///     WITH, OFFSET or WINDOW) start a line and indent what follows; UNION / INTERSECT start an
///     unindented line (and `UNION ALL` is two lines: the crate never matches the two-word form);
///     AND / OR / JOIN variants / WHEN / ELSE start a line (an AND after BETWEEN does not);
///   - a comma ends the line, except inside an inline parenthesis or after LIMIT;
///   - a parenthesis (or CASE ... END) whose text, counted in bytes of the input with its
///     white space as written, fits in 50 bytes and holds no clause keyword, AND/OR/WHEN/ELSE/
///     JOIN or comment stays on one line; any other opens an indented block;
///   - the crate's keyword lists are MySQL's: `now()`, `status`, `key`, `type`... are upper-
///     cased, `true` is but `false` is not; a keyword right after `.` is a plain word;
///   - `[...]` is read as a quoted name (`ARRAY [1, 2]`, `tags [1]`), `#` and `--` start a
///     comment running to the end of the line (so PostgreSQL's `#>>`, `#>` and `#` operators
///     swallow the rest of their line, which is then re-indented as a comment), `?` and
///     `$1` are parameter placeholders, and operators outside the crate's list are split into
///     single characters (`@ >`, `< @`, `< <`).
/// The result has no trailing line break (the crate trims its output).
std::string format_view_definition(std::string_view definition);

}  // namespace godwit::sql
