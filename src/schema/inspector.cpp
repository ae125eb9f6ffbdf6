#include "schema/inspector.hpp"

namespace godwit::schema {
namespace {

class FullReadBack final : public ReadBack {
 public:
  FullReadBack(const Inspector& inspector, InspectOptions options)
      : inspector_(inspector), options_(std::move(options)) {}
  Inspection read(db::Connection& conn, const std::vector<std::string>&) override {
    return inspector_.inspect(conn, options_);
  }

 private:
  const Inspector& inspector_;
  InspectOptions options_;
};

}  // namespace

std::unique_ptr<ReadBack> Inspector::read_back(const InspectOptions& options) const {
  return std::make_unique<FullReadBack>(*this, options);
}

std::string format_warnings(const std::vector<InspectWarning>& warnings) {
  std::string out;
  for (const auto& w : warnings) {
    out += "warning: ";
    out += w.object;
    out += ": ";
    out += w.message;
    out += '\n';
  }
  return out;
}

}  // namespace godwit::schema
