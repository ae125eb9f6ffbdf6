#pragma once
// The syntax tree of a Prisma schema, as the parser produces it (prisma-compat.md §8; grammar:
// ENG psl/schema-ast/src/parser/datamodel.pest). It keeps everything the formatter needs:
// comments with their position, blank lines, and the order of items inside each block.
// Names are not resolved here; see model.hpp for the resolved, typed view.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "psl/boxed.hpp"
#include "psl/span.hpp"

namespace godwit::psl::ast {

/// A name as written. It views the parsed text: a tree is only valid while the text it was
/// parsed from lives (for validate_schema(), the SchemaSource).
struct Identifier {
  std::string_view name;
  Span span;
};

struct Argument;

/// An expression: `1`, `-2.5`, `"text"`, `Cascade`, `db.VarChar`, `[a, b]`, `now()`,
/// `env("URL")`, `sort(a: Desc)`, `{ status: "active", n: { not: null } }` (an object: only
/// as a partial index's `where:`, Prisma's partialIndexes preview feature).
struct Expression {
  enum class Kind { Number, String, Constant, Function, Array, Object };
  Kind kind = Kind::Constant;
  /// Number: the literal text ("-1.5"); String: the decoded value; Constant and Function:
  /// the path ("Cascade", "db.VarChar", "now").
  std::string value;
  std::vector<Expression> items;       ///< Array elements.
  std::vector<Argument> args;          ///< Function arguments; Object entries (all named).
  std::vector<Identifier> empty_args;  ///< Function: `name:` without a value (invalid).
  bool trailing_comma = false;         ///< Function: `f(a,)`.
  Span trailing_comma_span;            ///< Function: the trailing comma
  Span span;                           ///< the whole expression
  Span name_span;                      ///< Function: the path
};

/// `value` or `name: value`.
struct Argument {
  std::optional<Identifier> name;
  Expression value;
  Span span;
};

// Trailing comments are rare and a Comment is ~56 bytes: nodes that may have one keep it boxed
// (boxed.hpp: std::optional's interface, on the heap).

/// `//`, `///` or `/* */` comment. `text` is everything after the marker (for `/* */`, the
/// whole comment including the markers), without the line break.
struct Comment {
  enum class Kind { Line, Doc, Block };
  Kind kind = Kind::Line;
  std::string text;
  Span span;
};

/// `@name(args)` or `@@name(args)`.
struct Attribute {
  Identifier name;  ///< the path after `@`/`@@`, e.g. "id", "db.VarChar", "relation"
  std::vector<Argument> args;
  std::vector<Identifier> empty_args;  ///< `name:` without a value (invalid, kept for errors)
  bool has_parens = false;             ///< `@id()` rather than `@id`
  bool trailing_comma = false;
  Span trailing_comma_span;
  Boxed<Comment> trailing_comment;  ///< block attributes only
  Span span;  ///< from `@` to the closing parenthesis (block attributes: to the end of a
              ///< trailing comment, as Prisma's span does)
};

enum class Arity { Required, Optional, List };

/// A field's type: a name (scalar, enum, model, composite) or `Unsupported("...")`.
struct FieldType {
  bool unsupported = false;
  std::string name;  ///< the type name, or the Unsupported string's value
  Span span;
};

/// A field of a model, view or composite type.
struct Field {
  Identifier name;
  std::optional<FieldType> type;  ///< missing only in invalid declarations (then an error)
  Arity arity = Arity::Required;
  std::vector<Attribute> attributes;
  Boxed<Comment> trailing_comment;
  std::string documentation;  ///< joined `///` lines above and a trailing `///`
  Span span;                  ///< the declaration including its line break
};

struct EnumValue {
  Identifier name;
  std::vector<Attribute> attributes;
  Boxed<Comment> trailing_comment;
  std::string documentation;
  Span span;
};

/// `key = value` in a datasource or generator.
struct Property {
  Identifier name;
  std::optional<Expression> value;  ///< missing in `key =` (an error in validation)
  Boxed<Comment> trailing_comment;
  Span span;
};

/// One element of a block body or of a file, in source order (for the formatter).
struct Item {
  enum class Kind {
    Field,      ///< index into Block::fields
    EnumValue,  ///< index into Block::values
    Property,   ///< index into Block::properties
    Attribute,  ///< index into Block::attributes (`@@...`)
    Comment,    ///< index into Block::comments / File::comments
    EmptyLine,  ///< a run of line breaks; `count` = blank lines in it (0 for the break that
                ///< ends a top-level `}` line)
    Invalid,    ///< a line the grammar rejects (an error was reported); `span` covers it
    Block,      ///< File only: index into File::blocks
  };
  Kind kind = Kind::EmptyLine;
  std::size_t index = 0;
  int count = 1;  ///< EmptyLine: number of blank lines
  Span span;
};

enum class BlockKind { Model, View, CompositeType, Enum, Datasource, Generator };

/// A top-level block.
struct Block {
  BlockKind kind = BlockKind::Model;
  Identifier keyword;  ///< "model", "view", "type", "enum", "datasource", "generator"
  Identifier name;
  std::vector<Field> fields;          ///< Model, View, CompositeType
  std::vector<EnumValue> values;      ///< Enum
  std::vector<Property> properties;   ///< Datasource, Generator
  std::vector<Attribute> attributes;  ///< `@@...` (Model, View, CompositeType, Enum)
  std::vector<Comment> comments;      ///< comments inside the body
  std::vector<Item> items;            ///< body in source order
  std::string documentation;          ///< `///` comments right above the block
  std::string after_open;             ///< text after `{` on the opening line (kept, as Prisma does)
  Span span;                          ///< keyword to `}`
  Span body_span;                     ///< after the opening line to before `}`
};

/// One parsed file.
struct File {
  std::uint32_t file_id = 0;
  std::vector<Block> blocks;
  std::vector<Comment> comments;  ///< top-level comments
  std::vector<Item> items;        ///< top level in source order
};

/// All files of a schema.
struct Schema {
  std::vector<File> files;
};

}  // namespace godwit::psl::ast
