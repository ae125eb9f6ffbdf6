#include "diff/summary.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <vector>

namespace godwit::diff {

namespace {

using schema::Catalog;

// The section a summary line belongs to; the order of the values is the order of sections
// (ENG sql_migration.rs `DriftType`, with Prisma 7's added-schemas section).
enum class Drift : std::uint8_t {
  AlteredExtension,
  DroppedExtension,
  CreatedExtension,
  AddedSchema,
  AddedEnum,
  AddedTable,
  RemovedEnum,
  RemovedTable,
  RemovedUdt,
  RemovedView,
  RedefinedTable,
  ChangedEnum,
  ChangedTable,
};

std::string joined_columns(const Catalog& c, const std::vector<ColumnId>& cols) {
  std::string out;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) out += ", ";
    out += c.get(cols[i]).name;
  }
  return out;
}

std::string index_columns(const Catalog& c, const schema::Index& idx) {
  std::vector<ColumnId> cols;
  for (const auto& ic : idx.columns)
    cols.push_back(ic.column);
  return joined_columns(c, cols);
}

std::string primary_key_columns(const Catalog& c, TableId t) {
  auto pk = c.primary_key(t);
  return pk ? index_columns(c, c.get(*pk)) : std::string();
}

// Rust's Debug form of a string: quoted, with \\, \", \n, \r, \t and control characters
// escaped (Prisma prints defaults with `{:?}`).
void append_rust_debug_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
          char buf[12];
          std::snprintf(buf, sizeof buf, "\\u{%x}", static_cast<unsigned>(ch));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// A constant as Prisma's `PrismaValue` Debug prints it; `family` tells Int from BigInt and
// gives Float to decimals.
void append_value_debug(std::string& out, const schema::Value& v, schema::TypeFamily family) {
  using K = schema::Value::Kind;
  switch (v.kind) {
    case K::String:
      out += "String(";
      append_rust_debug_string(out, v.text);
      out += ')';
      return;
    case K::Enum:
      out += "Enum(";
      append_rust_debug_string(out, v.text);
      out += ')';
      return;
    case K::Json:
      out += "Json(";
      append_rust_debug_string(out, v.text);
      out += ')';
      return;
    case K::Int:
      out += family == schema::TypeFamily::BigInt ? "BigInt(" : "Int(";
      out += v.text;
      out += ')';
      return;
    case K::Float:
      out += "Float(BigDecimal(\"";
      out += v.text;
      out += "\"))";
      return;
    case K::Boolean:
      out += "Boolean(";
      out += v.text;
      out += ')';
      return;
    case K::DateTime: {
      // chrono's Debug: "2020-01-01T10:11:12.345+02:00" (our text has two spaces).
      std::string t = v.text;
      if (auto sp = t.find(' '); sp != std::string::npos) t[sp] = 'T';
      if (auto sp = t.find(' '); sp != std::string::npos) t.erase(sp, 1);
      out += "DateTime(" + t + ")";
      return;
    }
    case K::Bytes:
      out += "Bytes([";
      for (std::size_t i = 0; i < v.text.size(); ++i) {
        if (i > 0) out += ", ";
        out += std::to_string(static_cast<unsigned char>(v.text[i]));
      }
      out += "])";
      return;
    case K::List:
      out += "List([";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        append_value_debug(out, v.items[i], family);
      }
      out += "])";
      return;
  }
}

// `Option<&DefaultKind>` Debug: `None`, `Some(Now)`, `Some(Value(Int(1)))`,
// `Some(DbGenerated(Some("...")))`, `Some(Sequence(""))` for an autoincrement column.
std::string default_debug(const schema::Column& c) {
  if (c.identity == schema::Identity::Serial) return "Some(Sequence(\"\"))";
  if (!c.default_value || c.default_value->kind == schema::DefaultKind::PrismaLevel) return "None";
  const schema::DefaultValue& d = *c.default_value;
  std::string out = "Some(";
  switch (d.kind) {
    case schema::DefaultKind::Now:
      out += "Now";
      break;
    case schema::DefaultKind::DbGenerated:
      if (d.expression.empty()) {
        out += "DbGenerated(None)";
      } else {
        out += "DbGenerated(Some(";
        append_rust_debug_string(out, d.expression);
        out += "))";
      }
      break;
    case schema::DefaultKind::Value:
      out += "Value(";
      append_value_debug(out, d.value, c.type.family);
      out += ')';
      break;
    case schema::DefaultKind::PrismaLevel:
      break;
  }
  return out + ")";
}

const char* arity_debug(schema::Arity a) {
  switch (a) {
    case schema::Arity::Required:
      return "Required";
    case schema::Arity::Nullable:
      return "Nullable";
    case schema::Arity::List:
      return "List";
  }
  return "Required";
}

// "(changed from Required to Nullable, default changed from `None` to `Some(Now)`, type
// changed, column became autoincrementing)" in Prisma's order of change kinds.
std::string column_changes_text(const ColumnChange& change, const Catalog& from,
                                const Catalog& to) {
  const schema::Column& a = from.get(*change.from);
  const schema::Column& b = to.get(*change.to);
  std::vector<std::string> parts;
  if (has(change.changes, ColumnChanges::Arity)) {
    parts.push_back(std::string("changed from ") + arity_debug(a.arity) + " to " +
                    arity_debug(b.arity));
  }
  if (has(change.changes, ColumnChanges::Default)) {
    parts.push_back("default changed from `" + default_debug(a) + "` to `" + default_debug(b) +
                    "`");
  }
  if (has(change.changes, ColumnChanges::Type)) parts.push_back("type changed");
  if (has(change.changes, ColumnChanges::Identity)) {
    parts.push_back(a.identity != schema::Identity::None ? "column is no longer autoincrementing"
                                                         : "column became autoincrementing");
  }
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ", ";
    out += parts[i];
  }
  return out + ")";
}

std::string alter_table_lines(const AlterTable& c, const Catalog& from, const Catalog& to) {
  std::string out;
  if (c.drop_primary_key)
    out += "  [-] Dropped the primary key on columns (" + primary_key_columns(from, c.from) + ")\n";
  if (c.rename_primary_key)
    out += "  [*] Renamed the primary key on columns (" + primary_key_columns(from, c.from) + ")\n";
  for (const ColumnChange& col : c.columns) {
    switch (col.kind) {
      case ColumnChange::Kind::Add:
        out += "  [+] Added column `" + to.get(*col.to).name + "`\n";
        break;
      case ColumnChange::Kind::Drop:
        out += "  [-] Removed column `" + from.get(*col.from).name + "`\n";
        break;
      case ColumnChange::Kind::Alter:
        out += "  [*] Altered column `" + to.get(*col.to).name + "` " +
               column_changes_text(col, from, to) + "\n";
        break;
      case ColumnChange::Kind::Recreate:
        out += "  [*] Column `" + to.get(*col.to).name + "` would be dropped and recreated " +
               column_changes_text(col, from, to) + "\n";
        break;
      case ColumnChange::Kind::Rename:
        out += "  [*] Renamed column `" + from.get(*col.from).name + "` to `" +
               to.get(*col.to).name + "`\n";
        break;
      case ColumnChange::Kind::Keep:
        break;
    }
  }
  // Prisma prints a stray ")" line after an added primary key; reproduced as is.
  if (c.add_primary_key)
    out += "  [+] Added primary key on columns (" + primary_key_columns(to, c.to) + ")\n)\n";
  return out;
}

// The section and item name of a change (the name sorts "Changed the `T` table" sections),
// and its lines (ENG sql_migration.rs `drift_summary`).
struct Item {
  Drift drift;
  std::string name;
  std::string lines;
};

Item item_of(const Change& change, const Catalog& from, const Catalog& to) {
  return std::visit(
      [&](const auto& c) -> Item {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, CreateExtension>) {
          return {Drift::CreatedExtension, to.get(c.to).name, "  - " + to.get(c.to).name + "\n"};
        } else if constexpr (std::is_same_v<T, AlterExtension>) {
          return {Drift::AlteredExtension, from.get(c.from).name, ""};
        } else if constexpr (std::is_same_v<T, DropExtension>) {
          return {Drift::DroppedExtension, from.get(c.from).name, ""};
        } else if constexpr (std::is_same_v<T, CreateNamespace>) {
          return {Drift::AddedSchema, "", "  - " + to.get(c.to).name + "\n"};
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return {Drift::AddedEnum, "", "  - " + to.get(c.to).name + "\n"};
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return {Drift::RemovedEnum, "", "  - " + from.get(c.from).name + "\n"};
        } else if constexpr (std::is_same_v<T, AlterEnum>) {
          std::string lines;
          for (const auto& v : c.added)
            lines += "  [+] Added variant `" + v + "`\n";
          for (const auto& v : c.removed)
            lines += "  [-] Removed variant `" + v + "`\n";
          return {Drift::ChangedEnum, from.get(c.from).name, lines};
        } else if constexpr (std::is_same_v<T, CreateTable>) {
          return {Drift::AddedTable, "", "  - " + to.get(c.to).name + "\n"};
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return {Drift::RemovedTable, "", "  - " + from.get(c.from).name + "\n"};
        } else if constexpr (std::is_same_v<T, AlterTable>) {
          return {Drift::ChangedTable, from.get(c.from).name, alter_table_lines(c, from, to)};
        } else if constexpr (std::is_same_v<T, AlterPrimaryKey>) {
          const std::string& name = from.get(c.from).name;
          return {Drift::ChangedTable, name, "   [*] Changed the primary key for `" + name + "`\n"};
        } else if constexpr (std::is_same_v<T, RedefineTable>) {
          return {Drift::RedefinedTable, from.get(c.from).name, ""};
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          const schema::Index& idx = to.get(c.to);
          return {Drift::ChangedTable, to.get(idx.table).name,
                  std::string(schema::is_unique(idx.kind) ? "  [+] Added unique index on columns ("
                                                          : "  [+] Added index on columns (") +
                      index_columns(to, idx) + ")\n"};
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          const schema::Index& idx = from.get(c.from);
          return {
              Drift::ChangedTable, from.get(idx.table).name,
              std::string(schema::is_unique(idx.kind) ? "  [-] Removed unique index on columns ("
                                                      : "  [-] Removed index on columns (") +
                  index_columns(from, idx) + ")\n"};
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          const schema::Index& idx = from.get(c.from);
          return {Drift::ChangedTable, from.get(idx.table).name,
                  "  [*] Renamed index `" + idx.name + "` to `" + to.get(c.to).name + "`\n"};
        } else if constexpr (std::is_same_v<T, RedefineIndex>) {
          const schema::Index& idx = from.get(c.from);
          return {Drift::ChangedTable, from.get(idx.table).name,
                  "  [*] Redefined index `" + idx.name + "`\n"};
        } else if constexpr (std::is_same_v<T, AddForeignKey>) {
          const schema::ForeignKey& fk = to.get(c.to);
          return {Drift::ChangedTable, to.get(fk.table).name,
                  "  [+] Added foreign key on columns (" + joined_columns(to, fk.columns) + ")\n"};
        } else if constexpr (std::is_same_v<T, DropForeignKey>) {
          const schema::ForeignKey& fk = from.get(c.from);
          return {
              Drift::ChangedTable, from.get(fk.table).name,
              "  [-] Removed foreign key on columns (" + joined_columns(from, fk.columns) + ")\n"};
        } else if constexpr (std::is_same_v<T, RenameForeignKey>) {
          const schema::ForeignKey& next = to.get(c.to);
          return {Drift::ChangedTable, to.get(next.table).name,
                  "  [*] Renamed the foreign key \"" + from.get(c.from).name.value_or("") +
                      "\" to \"" + next.name.value_or("") + "\"\n"};
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return {Drift::ChangedTable, from.get(c.from).name,
                  "  [*] Renamed table `" + from.get(c.from).name + "` to `" + to.get(c.to).name +
                      "`\n"};
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          const schema::Column& next = to.get(c.to);
          return {Drift::ChangedTable, to.get(next.table).name,
                  "  [*] Renamed column `" + from.get(c.from).name + "` to `" + next.name + "`\n"};
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return {Drift::ChangedEnum, from.get(c.from).name,
                  "  [*] Renamed the enum to `" + to.get(c.to).name + "`\n"};
        } else if constexpr (std::is_same_v<T, RenameEnumValue>) {
          return {Drift::ChangedEnum, to.get(c.to).name,
                  "  [*] Renamed variant `" + c.from_value + "` to `" + c.to_value + "`\n"};
        } else if constexpr (std::is_same_v<T, DropView>) {
          return {Drift::RemovedView, from.get(c.from).name, ""};
        } else {
          // Sequences: Prisma's summary says nothing of them (AlterSequence).
          static_assert(std::is_same_v<T, CreateSequence> || std::is_same_v<T, DropSequence> ||
                        std::is_same_v<T, AlterSequence>);
          return {Drift::ChangedTable, "", ""};
        }
      },
      change);
}

std::string section_header(Drift drift, const std::string& name) {
  switch (drift) {
    case Drift::AlteredExtension:
      return "\n[*] Changed the `" + name + "` extension\n";
    case Drift::DroppedExtension:
      return "\n[-] Removed extensions\n`";  // sic: Prisma's stray backquote
    case Drift::CreatedExtension:
      return "\n[+] Added extensions\n";
    case Drift::AddedSchema:
      return "\n[+] Added Schemas\n";
    case Drift::AddedEnum:
      return "\n[+] Added enums\n";
    case Drift::AddedTable:
      return "\n[+] Added tables\n";
    case Drift::RemovedEnum:
      return "\n[-] Removed enums\n";
    case Drift::RemovedTable:
      return "\n[-] Removed tables\n";
    case Drift::RemovedUdt:
      return "\n[-] Removed UDTs\n";
    case Drift::RemovedView:
      return "\n[-] Removed views\n";
    case Drift::RedefinedTable:
      return "\n[*] Redefined table `" + name + "`\n";
    case Drift::ChangedEnum:
      return "\n[*] Changed the `" + name + "` enum\n";
    case Drift::ChangedTable:
      return "\n[*] Changed the `" + name + "` table\n";
  }
  return {};
}

}  // namespace

std::string summary(const ChangeSet& changes, const Catalog& from, const Catalog& to) {
  if (changes.empty()) return "No difference detected.";
  // (section, item name, change index): sorted like Prisma's BTreeSet, so "Changed the `T`
  // table" sections come sorted by table name, and items within a section in step order.
  std::vector<std::tuple<Drift, std::string, std::size_t, std::string>> items;
  for (std::size_t i = 0; i < changes.changes.size(); ++i) {
    Item item = item_of(changes.changes[i], changes.from_of(i, from), to);
    items.emplace_back(item.drift, std::move(item.name), i, std::move(item.lines));
  }
  std::sort(items.begin(), items.end());

  std::string out;
  for (std::size_t n = 0; n < items.size(); ++n) {
    const auto& [drift, name, index, lines] = items[n];
    bool new_section =
        n == 0 || std::get<0>(items[n - 1]) != drift || std::get<1>(items[n - 1]) != name;
    if (new_section) out += section_header(drift, name);
    out += lines;
  }
  return out;
}

}  // namespace godwit::diff
