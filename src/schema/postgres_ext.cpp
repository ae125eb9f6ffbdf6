#include "schema/postgres_ext.hpp"

namespace godwit::schema {

const PostgresIndex& PostgresExt::index(IndexId id) const {
  static const PostgresIndex kDefault;  // immutable; not state
  auto it = indexes.find(id);
  return it == indexes.end() ? kDefault : it->second;
}

std::string_view PostgresExt::operator_class(IndexId id, std::size_t position) const {
  const auto& classes = index(id).operator_classes;
  return position < classes.size() ? std::string_view(classes[position]) : std::string_view{};
}

std::string_view to_string(IndexAlgorithm a) {
  switch (a) {
    case IndexAlgorithm::BTree:
      return "BTree";
    case IndexAlgorithm::Hash:
      return "Hash";
    case IndexAlgorithm::Gist:
      return "Gist";
    case IndexAlgorithm::Gin:
      return "Gin";
    case IndexAlgorithm::SpGist:
      return "SpGist";
    case IndexAlgorithm::Brin:
      return "Brin";
  }
  return "?";
}

}  // namespace godwit::schema
