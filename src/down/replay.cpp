#include "down/replay.hpp"

#include "db/interrupt.hpp"
#include "dialect/shadow.hpp"

namespace godwit::down {
namespace {

void down_stop_if_interrupted() {
  if (const int signal = db::interrupt_signal()) {
    throw db::Interrupted(signal,
                          "The shadow database was dropped; no migration was reverted and no "
                          "down.sql was written.",
                          "Run the command again.");
  }
}

}  // namespace

ShadowReplay::ShadowReplay(const dialect::Parts& parts, const project::Project& project,
                           const schema::InspectOptions& options)
    : parts_(parts), options_(options) {
  shadow_ = dialect::open_project_shadow(parts_, project, options_.namespaces);
  cancel_ = std::make_unique<db::CancelOnSignal>(shadow_->connection().canceller());
  // Read after every migration: half of the catalog queries on a second session, which the
  // server runs on another core (langfuse's 434 read-backs: docs/benchmarks.md, down-gen).
  options_.second_connection = [this]() -> db::Connection* {
    if (!second_) second_ = shadow_->open_second();
    return second_.get();
  };
  read_back_ = parts_.inspector->read_back(options_);
}

ShadowReplay::~ShadowReplay() {
  cancel_.reset();  // before the connection it cancels
  second_.reset();  // its session would keep DROP DATABASE waiting
  shadow_.reset();  // drops a PostgreSQL shadow database
}

void ShadowReplay::apply(const migrate::LocalMigration& m) {
  applied_since_read_.push_back(*m.script);
  const auto script = parts_.runner->split(*m.script);
  auto failure = parts_.runner->apply(shadow_->connection(), script, migrate::HistoryWrites{});
  down_stop_if_interrupted();
  if (failure) {
    throw dialect::shadow_replay_error(
        m, *failure,
        "The history must replay cleanly before a down migration can be made or checked: fix "
        "the migration.");
  }
}

std::optional<migrate::ScriptFailure> ShadowReplay::try_apply(std::string_view text) {
  applied_since_read_.emplace_back(text);  // also when it fails part way
  const auto script = parts_.runner->split(text);
  auto failure = parts_.runner->apply(shadow_->connection(), script, migrate::HistoryWrites{});
  down_stop_if_interrupted();
  return failure;
}

schema::Catalog ShadowReplay::read(std::vector<schema::InspectWarning>* warnings) {
  auto inspection = read_back_->read(shadow_->connection(), applied_since_read_);
  applied_since_read_.clear();
  down_stop_if_interrupted();
  dialect::default_to_only_namespace(inspection.catalog, options_);
  if (warnings) {
    warnings->insert(warnings->end(), inspection.warnings.begin(), inspection.warnings.end());
  }
  return std::move(inspection.catalog);
}

}  // namespace godwit::down
