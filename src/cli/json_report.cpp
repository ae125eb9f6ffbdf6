#include "cli/json_report.hpp"

namespace godwit::cli {
namespace {

const char* mode_name(sql::TransactionMode m) {
  switch (m) {
    case sql::TransactionMode::kSingle:
      return "single";
    case sql::TransactionMode::kAutocommit:
      return "autocommit";
    case sql::TransactionMode::kAsWritten:
      return "as-written";
  }
  return "single";
}

}  // namespace

nlohmann::json deploy_json(const migrate::DeployReport& r) {
  nlohmann::json applied = nlohmann::json::array();
  for (const auto& m : r.applied) {
    nlohmann::json blockers = nlohmann::json::array();
    for (const auto& b : m.lock.blockers) {
      blockers.push_back({{"pid", b.pid},
                          {"applicationName", b.application_name},
                          {"user", b.user},
                          {"state", b.state},
                          {"transactionAgeS", b.transaction_age_s},
                          {"relation", b.relation},
                          {"mode", b.mode},
                          {"query", b.query}});
    }
    nlohmann::json slowest = nlohmann::json::array();
    for (const auto& t : m.slowest) {
      slowest.push_back({{"firstStatement", t.first + 1},
                         {"lastStatement", t.last + 1},
                         {"line", t.line},
                         {"durationMs", t.ms},
                         {"statement", t.excerpt}});
    }
    nlohmann::json resumed = nullptr;
    if (m.resumed) {
      resumed = {{"committedBefore", m.resumed->committed},
                 {"fromStatement", m.resumed->committed + 1},
                 {"failedRunStartedAt", m.resumed->started_at},
                 {"editedAfter", m.resumed->edited_after}};
    }
    applied.push_back({{"name", m.name},
                       {"statements", m.statements},
                       {"transactionMode", mode_name(m.mode)},
                       {"durationMs", m.duration_ms},
                       {"slowest", slowest},
                       {"resumed", resumed},
                       {"archived", m.archived},
                       {"notes", m.lock.notes},
                       {"lock",
                        {{"retries", m.lock.retries},
                         {"longestWaitS", m.lock.lock_wait_s},
                         {"ownTimeouts", m.lock.own_timeouts},
                         {"blockers", blockers}}}});
  }
  return {{"command", "deploy"},
          {"ok", true},
          {"migrationsFound", r.migrations_found},
          {"applied", applied}};
}

nlohmann::json status_json(const migrate::StatusReport& r, int exit_code) {
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& f : r.failed) {
    failed.push_back({{"name", f.migration_name},
                      {"startedAt", f.started_at},
                      {"logs", f.logs ? nlohmann::json(*f.logs) : nlohmann::json(nullptr)}});
  }
  return {{"command", "status"},
          {"ok", exit_code == 0},
          {"exitCode", exit_code},
          {"migrationsFound", r.local.size()},
          {"hasHistoryTable", r.has_history_table},
          {"pending", r.pending},
          {"failed", failed},
          {"missingLocally", r.missing_locally},
          {"edited", r.edited},
          {"missingScript", r.missing_script},
          {"diverged", r.diverged()},
          {"lastCommonMigration",
           r.last_common ? nlohmann::json(*r.last_common) : nlohmann::json(nullptr)}};
}

nlohmann::json error_json(const core::Error& e) {
  nlohmann::json err = {{"code", e.code()}, {"message", e.message()}, {"hint", e.hint()}};
  if (e.where()) {
    err["file"] = e.where()->file;
    err["line"] = e.where()->line;
  }
  return {{"ok", false}, {"error", err}};
}

}  // namespace godwit::cli
