#include "psl/model.hpp"

#include <algorithm>
#include <array>

namespace godwit::psl {
namespace {

constexpr std::array<std::string_view, 9> kScalarNames = {
    "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"};

}  // namespace

std::string_view to_string(ScalarType t) {
  return kScalarNames.at(static_cast<std::size_t>(t));
}

std::optional<ScalarType> scalar_type_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kScalarNames.size(); ++i)
    if (kScalarNames[i] == name) return static_cast<ScalarType>(i);
  return std::nullopt;
}

std::string_view to_string(ReferentialAction a) {
  switch (a) {
    case ReferentialAction::Cascade:
      return "Cascade";
    case ReferentialAction::Restrict:
      return "Restrict";
    case ReferentialAction::NoAction:
      return "NoAction";
    case ReferentialAction::SetNull:
      return "SetNull";
    case ReferentialAction::SetDefault:
      return "SetDefault";
  }
  return "NoAction";
}

std::optional<FieldId> Model::find_field(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field_name) return FieldId{static_cast<std::uint32_t>(i)};
  return std::nullopt;
}

std::optional<ModelId> Schema::find_model(std::string_view name) const {
  for (std::size_t i = 0; i < models.size(); ++i)
    if (models[i].name == name) return ModelId{static_cast<std::uint32_t>(i)};
  return std::nullopt;
}

std::optional<EnumId> Schema::find_enum(std::string_view name) const {
  for (std::size_t i = 0; i < enums.size(); ++i)
    if (enums[i].name == name) return EnumId{static_cast<std::uint32_t>(i)};
  return std::nullopt;
}

bool Schema::has_preview_feature(std::string_view feature) const {
  return std::find(preview_features.begin(), preview_features.end(), feature) !=
         preview_features.end();
}

const std::string& Schema::provider() const {
  static const std::string kNone;
  return datasource ? datasource->provider : kNone;
}

}  // namespace godwit::psl
