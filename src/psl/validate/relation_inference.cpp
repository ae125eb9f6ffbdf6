// Relation inference (ENG parser-database relations.rs): pairs relation fields into
// relations and decides their kind, before any relation validation.
#include <algorithm>
#include <tuple>

#include "psl/validate/validate_context.hpp"

namespace godwit::psl::detail {
namespace {

using RK = RelationCtx::Kind;

std::optional<std::string> explicit_name(const Field& f) {
  return f.relation_attribute ? f.relation_attribute->name : std::nullopt;
}

}  // namespace

void infer_relations(Context& ctx) {
  const auto& models = ctx.schema.models;
  for (std::uint32_t mi = 0; mi < models.size(); ++mi) {
    for (std::uint32_t fi = 0; fi < models[mi].fields.size(); ++fi) {
      const Field& f = models[mi].fields[fi];
      if (!f.is_relation()) continue;
      ModelId model{mi};
      FieldId fid{fi};
      ModelId other = f.type.model_id;
      bool self = other == model;
      std::optional<FieldId> opp;
      const Model& om = models[other.value];
      for (std::uint32_t oi = 0; oi < om.fields.size(); ++oi) {
        const Field& of = om.fields[oi];
        if (!of.is_relation() || of.type.model_id != model) continue;
        if (self && oi == fi) continue;
        if (explicit_name(of) != explicit_name(f)) continue;
        opp = FieldId{oi};
        break;
      }
      const Field* of = opp ? &om.fields[opp->value] : nullptr;
      const std::string& mname = models[mi].name;
      const std::string& oname = om.name;
      RelationCtx r;
      r.name = explicit_name(f);
      r.model_a = model;
      r.model_b = other;
      if (f.arity == Arity::List && of && of->arity == Arity::List) {
        if (mname > oname) continue;
        if (self && f.name > of->name) continue;
        bool embedded = fields_of(f).has_value() || fields_of(*of).has_value();
        r.kind = embedded ? RK::TwoWayEmbeddedManyToMany : RK::ImplicitManyToMany;
        r.field_a = fid;
        r.field_b = opp;
      } else if (f.arity == Arity::Required && of && of->arity == Arity::Optional) {
        r.kind = RK::OneToOne;
        r.field_a = fid;
        r.field_b = opp;
      } else if (f.arity == Arity::Required && of && of->arity == Arity::Required) {
        if (std::tie(mname, f.name) > std::tie(oname, of->name)) continue;
        r.kind = RK::OneToOne;
        r.field_a = fid;
        r.field_b = opp;
      } else if (f.arity == Arity::Optional && of && of->arity == Arity::Required) {
        continue;
      } else if (f.arity == Arity::Optional && of && of->arity == Arity::Optional) {
        if (fields_of(f)) {
          r.kind = RK::OneToOne;
        } else if (!fields_of(*of)) {
          if (std::tie(mname, f.name) > std::tie(oname, of->name)) continue;
          r.kind = RK::OneToOne;
        } else {
          continue;
        }
        r.field_a = fid;
        r.field_b = opp;
      } else if (f.arity == Arity::List && of) {
        continue;
      } else if (f.arity == Arity::List) {
        r.kind = RK::OneToMany;
        r.model_a = other;
        r.model_b = model;
        r.field_b = fid;
      } else if (of) {
        r.kind = RK::OneToMany;
        r.field_a = fid;
        r.field_b = opp;
      } else {
        r.kind = RK::OneToMany;
        if (const auto& fl = fields_of(f)) {
          for (const auto& idx : models[mi].indexes) {
            if (idx.kind != Index::Kind::Unique || idx.fields.size() != fl->size()) continue;
            bool same = true;
            for (std::size_t k = 0; k < fl->size(); ++k)
              same = same && idx.fields[k].field == (*fl)[k];
            if (same) r.kind = RK::OneToOne;
          }
        }
        r.field_a = fid;
      }
      ctx.relations.push_back(std::move(r));
    }
  }
}

}  // namespace godwit::psl::detail
