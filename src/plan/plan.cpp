#include "plan/plan.hpp"

#include "schema/script.hpp"

namespace godwit::plan {

bool Plan::transactional() const {
  for (const auto& s : statements) {
    if (!s.transactional) return false;
  }
  return true;
}

std::string Plan::script() const {
  // Prisma prints one header per migration step; a step is one change's statements of one kind.
  std::vector<schema::RenderedStep> steps;
  const Statement* previous = nullptr;
  for (const auto& s : statements) {
    if (!previous || previous->change != s.change || previous->step != s.step) {
      steps.push_back({s.step, {}});
    }
    steps.back().statements.push_back(s.sql);
    previous = &s;
  }
  std::vector<std::string> messages;
  for (const auto& w : warnings)
    messages.push_back(w.message);
  for (const auto& u : unexecutable)
    messages.push_back(u.message);
  return schema::assemble_script(steps, messages);
}

}  // namespace godwit::plan
