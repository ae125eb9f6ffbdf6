#pragma once
// A stable text dump of a catalog: the expected output of catalog golden tests (PSL ->
// catalog now, live database -> catalog with the inspectors), and test failure messages.
//
// Format (godwit's own; changes only with the model, and then every golden changes with it):
//   catalog default_namespace=<name>
//   namespace <name>
//   extension <name>[ namespace=<ns>][ version=<v>]
//   enum <ns>.<name> [<value>, ...]
//   sequence <ns>.<name> start=<n> increment=<n> min=<n> max=<n> cache=<n>[ cycle]
//            [ owned-by=<table>.<column>]
//   view <ns>.<name> as <definition>
//   table <ns>.<name>
//     column <name> <family>[(<ns>.<enum>|<raw type>)][ @<Native>(<args>)] <arity>
//            [ default=<kind>[(<value or expression>)]][ identity=<serial|always|by-default>]
//     primary|unique-constraint|unique-index|index|fulltext <name>
//            (<column>[ ASC|DESC][(<length>)][ <opclass>], ...)[ using <algorithm>]
//            [ where <predicate>]
//     foreign key <name>|(unnamed) (<columns>) -> <ns>.<table>(<columns>)
//            on delete <A> on update <A>[ <deferrable kind>]
//     check <name> <expression>
// Operator classes and `using` come from Catalog::postgres; `using BTree` is not printed.
// One object per line, in id order (the order its producer added it in); a table's columns,
// indexes (primary key first) and foreign keys follow it in the table's own order. Names are
// printed bare when they are made of [A-Za-z0-9_] only, else double-quoted with `"` and `\`
// escaped, so names with spaces, dots or quotes cannot be confused with the syntax.

#include <string>
#include <string_view>

#include "schema/catalog.hpp"

namespace godwit::schema {

/// The dump of `catalog` described above, ending with a newline.
std::string dump(const Catalog& catalog);

/// `name` as the dump prints it: bare or double-quoted.
std::string dump_name(std::string_view name);

}  // namespace godwit::schema
