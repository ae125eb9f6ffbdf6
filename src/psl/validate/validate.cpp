#include "psl/validate.hpp"

#include <algorithm>

#include "psl/parser.hpp"
#include "psl/validate/validate_context.hpp"

namespace godwit::psl {

ValidationResult validate_schema(const SchemaSource& source) {
  ValidationResult r;
  r.ast = parse_schema(source, r.diagnostics);
  detail::Context ctx{source, r.ast, r.diagnostics, r.schema};
  ctx.connector = &empty_connector();

  // Prisma's order (ENG parser-database lib.rs, psl-core validate.rs): names, then types, then
  // attributes and relations, each only when the previous steps found no error; the
  // configuration blocks always; the schema-wide rules only on an error-free schema.
  detail::resolve_names(ctx);
  if (!r.diagnostics.has_errors()) {
    detail::resolve_types(ctx);
    if (!r.diagnostics.has_errors()) {
      detail::resolve_attributes(ctx);
      detail::infer_relations(ctx);
    }
  }
  detail::load_configuration(ctx);
  if (!r.diagnostics.has_errors()) detail::validate_rules(ctx);
  if (!r.diagnostics.has_errors()) detail::finalize_relations(ctx);

  std::vector<std::string> features;
  for (const auto& g : r.schema.generators)
    features.insert(features.end(), g.preview_features.begin(), g.preview_features.end());
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  r.schema.preview_features = std::move(features);
  return r;
}

ValidationResult validate_or_throw(const SchemaSource& source) {
  ValidationResult r = validate_schema(source);
  throw_if_errors(source, r.diagnostics);
  return r;
}

}  // namespace godwit::psl
