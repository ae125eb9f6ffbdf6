#include "schema/inspector.hpp"

namespace godwit::schema {

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
