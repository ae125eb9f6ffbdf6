#include "dialect/postgres/pgparse/predicate.hpp"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cstring>

namespace godwit::postgres {
namespace {

struct ProtobufParseOwner {
  PgQueryProtobufParseResult r;
  ~ProtobufParseOwner() { pg_query_free_protobuf_parse_result(r); }
};
struct UnpackedOwner {
  PgQuery__ParseResult* tree;
  ~UnpackedOwner() {
    if (tree != nullptr) pg_query__parse_result__free_unpacked(tree, nullptr);
  }
};

// `'text'::one_word_type`: the cast pg_get_expr puts on a literal compared with a text or enum
// column. Built-in types spelled as SQL keywords (varchar, timestamp, integer) come out of the
// parser qualified (`pg_catalog.varchar`), so they have two names and stay.
const PgQuery__Node* without_literal_cast(const PgQuery__Node* n) {
  if (n == nullptr || n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) return n;
  const PgQuery__TypeCast* tc = n->type_cast;
  if (tc->arg == nullptr || tc->arg->node_case != PG_QUERY__NODE__NODE_A_CONST) return n;
  if (tc->arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) return n;
  const PgQuery__TypeName* t = tc->type_name;
  if (t == nullptr || t->n_names != 1 || t->n_typmods != 0 || t->n_array_bounds != 0) return n;
  return tc->arg;
}

// Every field of `m` but source positions, by protobuf-c's descriptors: one generic walk
// instead of a case per node type (there are ~250), so no node kind can be missed.
void write_message(const ProtobufCMessage* m, std::string& out);

void write_node_field(const ProtobufCMessage* child, std::string& out) {
  if (child == nullptr) {
    out += '~';
    return;
  }
  if (child->descriptor == &pg_query__node__descriptor) {
    const auto* node = without_literal_cast(reinterpret_cast<const PgQuery__Node*>(child));
    child = reinterpret_cast<const ProtobufCMessage*>(node);
  }
  write_message(child, out);
}

void write_scalar(const ProtobufCFieldDescriptor& f, const void* at, std::string& out) {
  switch (f.type) {
    case PROTOBUF_C_TYPE_STRING: {
      const char* s = *static_cast<char* const*>(at);
      out += '"';
      if (s != nullptr) out += s;
      out += '"';
      break;
    }
    case PROTOBUF_C_TYPE_MESSAGE:
      write_node_field(*static_cast<ProtobufCMessage* const*>(at), out);
      break;
    case PROTOBUF_C_TYPE_BOOL:
      out += *static_cast<const protobuf_c_boolean*>(at) ? 't' : 'f';
      break;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
      out += std::to_string(*static_cast<const std::int64_t*>(at));
      break;
    case PROTOBUF_C_TYPE_FLOAT:
      out += std::to_string(*static_cast<const float*>(at));
      break;
    case PROTOBUF_C_TYPE_DOUBLE:
      out += std::to_string(*static_cast<const double*>(at));
      break;
    case PROTOBUF_C_TYPE_BYTES: {
      const auto* b = static_cast<const ProtobufCBinaryData*>(at);
      out.append(reinterpret_cast<const char*>(b->data), b->len);
      break;
    }
    default:  // the 32-bit integers and enums
      out += std::to_string(*static_cast<const std::int32_t*>(at));
      break;
  }
}

std::size_t scalar_size(const ProtobufCFieldDescriptor& f) {
  switch (f.type) {
    case PROTOBUF_C_TYPE_STRING:
    case PROTOBUF_C_TYPE_MESSAGE:
      return sizeof(void*);
    case PROTOBUF_C_TYPE_BOOL:
      return sizeof(protobuf_c_boolean);
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_DOUBLE:
      return 8;
    case PROTOBUF_C_TYPE_BYTES:
      return sizeof(ProtobufCBinaryData);
    default:
      return 4;
  }
}

void write_message(const ProtobufCMessage* m, std::string& out) {
  const ProtobufCMessageDescriptor* d = m->descriptor;
  const auto* base = reinterpret_cast<const char*>(m);
  out += d->short_name;
  out += '{';
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d->fields[i];
    if (std::strcmp(f.name, "location") == 0) continue;
    const char* at = base + f.offset;
    if (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      // Only the member the case names is set (Node holds one of ~250).
      if (*reinterpret_cast<const std::uint32_t*>(base + f.quantifier_offset) != f.id) continue;
    }
    if (f.label == PROTOBUF_C_LABEL_REPEATED) {
      const auto n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
      const char* items = *reinterpret_cast<const char* const*>(at);
      out += f.name;
      out += '[';
      for (std::size_t k = 0; k < n; ++k) {
        if (k) out += ',';
        write_scalar(f, items + k * scalar_size(f), out);
      }
      out += ']';
      continue;
    }
    out += f.name;
    out += '=';
    write_scalar(f, at, out);
    out += ';';
  }
  out += '}';
}

}  // namespace

std::optional<std::string> canonical_predicate(std::string_view expr) {
  if (expr.find('\0') != std::string_view::npos) return std::nullopt;
  const std::string input = "SELECT WHERE " + std::string(expr);
  ProtobufParseOwner parsed{pg_query_parse_protobuf(input.c_str())};
  if (parsed.r.error != nullptr) return std::nullopt;
  UnpackedOwner unpacked{pg_query__parse_result__unpack(
      nullptr, parsed.r.parse_tree.len,
      reinterpret_cast<const std::uint8_t*>(parsed.r.parse_tree.data))};
  // Exactly one plain SELECT whose only clause is the WHERE: text such as `a) OR (b` or
  // `true; DROP TABLE t` is not one predicate.
  const PgQuery__ParseResult* tree = unpacked.tree;
  if (tree == nullptr || tree->n_stmts != 1 || tree->stmts[0]->stmt == nullptr ||
      tree->stmts[0]->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
    return std::nullopt;
  }
  const PgQuery__SelectStmt* select = tree->stmts[0]->stmt->select_stmt;
  if (select->where_clause == nullptr || select->n_target_list != 0 || select->n_from_clause != 0 ||
      select->n_group_clause != 0 || select->having_clause != nullptr ||
      select->n_sort_clause != 0 || select->limit_count != nullptr) {
    return std::nullopt;
  }
  std::string out;
  write_node_field(reinterpret_cast<const ProtobufCMessage*>(select->where_clause), out);
  return out;
}

bool same_predicate(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto ca = canonical_predicate(a);
  auto cb = canonical_predicate(b);
  if (!ca || !cb) return false;
  return *ca == *cb;
}

}  // namespace godwit::postgres
