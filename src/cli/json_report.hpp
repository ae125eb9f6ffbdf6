#pragma once
// The --json forms of command reports. Stable: fields are only ever added.
//   deploy: {"command":"deploy","ok":true,"migrationsFound":N,"applied":[{"name","statements",
//            "transactionMode":"single|autocommit|as-written","durationMs"}]}
//   status: {"command":"status","ok":bool,"exitCode":N,"migrationsFound":N,"hasHistoryTable",
//            "pending":[...],"failed":[{"name","startedAt","logs"}],"missingLocally":[...],
//            "edited":[...],"missingScript":[...],"diverged":bool,"lastCommonMigration"}
//   error:  {"ok":false,"error":{"code","message","hint","file","line"}}

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "migrate/deploy.hpp"
#include "migrate/status.hpp"

namespace godwit::cli {

nlohmann::json deploy_json(const migrate::DeployReport& r);
nlohmann::json status_json(const migrate::StatusReport& r, int exit_code);
nlohmann::json error_json(const core::Error& e);

}  // namespace godwit::cli
