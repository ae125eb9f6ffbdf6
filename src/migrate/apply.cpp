#include "migrate/apply.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>
#include <thread>
#include <vector>

#include "db/interrupt.hpp"

namespace godwit::migrate {
namespace {

// After Ctrl-C/SIGTERM (db/interrupt.hpp) the statement about to be sent is not: the script
// stops there as if that statement had failed. Checked before every round trip, since a
// cancel request only stops a statement that is already running on the server.
std::optional<db::DatabaseError> interrupted() {
  const int signal = db::interrupt_signal();
  if (signal == 0) return std::nullopt;
  return db::DatabaseError("", fmt::format("Not sent: godwit was interrupted by signal {} before "
                                           "this statement.",
                                           db::signal_name(signal)));
}

// Waits `delay` before a retry, in short slices so that Ctrl-C/SIGTERM ends the wait at once.
// False when a signal came.
bool wait_for_retry(std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < until) {
    if (db::interrupt_signal() != 0) return false;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
        std::chrono::milliseconds(20), until - std::chrono::steady_clock::now()));
  }
  return db::interrupt_signal() == 0;
}

ScriptFailure failure_at(const sql::Script& script, std::size_t index, const db::DatabaseError& e,
                         const ApplyHooks& hooks) {
  const auto& st = script.statements[index];
  ScriptFailure f;
  f.statement_index = index;
  f.statement_count = script.statements.size();
  f.line = hooks.error_line ? hooks.error_line(st, e.position()) : st.line;
  f.statement = st.text;
  f.db_code = e.code().empty() ? "none" : e.code();
  f.db_message = database_error_text(e);
  return f;
}

void rollback_quietly(db::Connection& conn) {
  try {
    if (conn.in_transaction()) conn.execute("ROLLBACK");
  } catch (const db::DatabaseError&) {
    // The transaction is already gone; nothing more to undo.
  }
}

// Runs `st` and its progress write in one transaction and one round trip: `BEGIN; <st>;
// <progress>; COMMIT` as a group (the statement's error keeps its own position). A failure
// leaves the transaction open and aborted, for the caller to roll back.
void execute_with_progress(db::Connection& conn, const sql::Statement& st,
                           const std::string& progress) {
  constexpr std::string_view kBegin = "BEGIN";
  std::string text;
  text.reserve(st.text.size() + progress.size() + 24);
  text += kBegin;
  text += ";\n";
  const std::size_t st_at = text.size();
  text += st.text;
  text += "\n;\n";  // the newline ends a line comment the statement may end with
  const std::size_t progress_at = text.size();
  text += progress;
  text += ";\n";
  const std::size_t commit_at = text.size();
  text += "COMMIT";
  const std::array<db::Connection::TextRange, 4> ranges{{{0, kBegin.size()},
                                                         {st_at, st.text.size()},
                                                         {progress_at, progress.size()},
                                                         {commit_at, 6}}};
  if (auto failed = conn.execute_group(text, ranges)) throw failed->error;
}

void report_time(const ApplyHooks& hooks, std::size_t first, std::size_t last,
                 std::chrono::steady_clock::time_point since) {
  if (hooks.timed) hooks.timed(first, last, std::chrono::steady_clock::now() - since);
}

std::string joined(const std::string& first, const std::string& second) {
  return first.empty() ? second : first + ";\n" + second;
}

std::optional<ScriptFailure> apply_in_one_transaction(db::Connection& conn,
                                                      const sql::Script& script,
                                                      const HistoryWrites& writes,
                                                      const ApplyHooks& hooks) {
  if (hooks.before_transaction) hooks.before_transaction(script);
  struct After {
    const ApplyHooks& hooks;
    const sql::Script& script;
    ~After() {
      try {
        if (hooks.after_transaction) hooks.after_transaction(script);
      } catch (...) {
        // Restoring session settings must not hide the migration's own outcome.
      }
    }
  } after{hooks, script};

  conn.execute(joined(writes.before, hooks.begin_sql));
  const auto& statements = script.statements;
  std::vector<db::Connection::TextRange> ranges;
  auto batchable = [&](std::size_t i) {
    return hooks.batchable && hooks.batchable(statements[i]) &&
           !(hooks.skip_in_transaction && hooks.skip_in_transaction(statements[i]));
  };
  for (std::size_t i = 0; i < statements.size();) {
    if (auto stop = interrupted()) {
      rollback_quietly(conn);
      auto f = failure_at(script, i, *stop, hooks);
      f.rolled_back = true;
      return f;
    }
    if (batchable(i)) {
      // A group of statements sent together: consecutive statements are consecutive text of
      // the script, so the group is a view of it from the first statement to the last.
      const std::size_t first =
          script.in_source(statements[i]) ? script.offset_of(statements[i]) : 0;
      std::size_t end = i;
      ranges.clear();
      while (end < statements.size() && ranges.size() < kGroupStatements && batchable(end) &&
             script.in_source(statements[end]) &&
             (ranges.empty() ||
              (script.offset_of(statements[end]) >=
                   first + ranges.back().offset + ranges.back().size &&
               script.offset_of(statements[end]) + statements[end].text.size() - first <=
                   kGroupBytes))) {
        ranges.push_back({script.offset_of(statements[end]) - first, statements[end].text.size()});
        ++end;
      }
      std::string_view text;
      if (ranges.empty()) {
        // Not a view of script.source (a Script built by hand): on its own.
        ranges.push_back({0, statements[i].text.size()});
        text = statements[i].text;
        end = i + 1;
      } else {
        text = script.source.substr(first, ranges.back().offset + ranges.back().size);
      }
      const auto started = std::chrono::steady_clock::now();
      auto failed = conn.execute_group(text, ranges);
      if (!failed) report_time(hooks, i, end - 1, started);
      if (failed) {
        rollback_quietly(conn);
        auto f = failure_at(script, i + failed->index, failed->error, hooks);
        f.rolled_back = true;
        return f;
      }
      i = end;
      continue;
    }
    const auto& st = statements[i];
    if (!(hooks.skip_in_transaction && hooks.skip_in_transaction(st))) {
      try {
        const auto started = std::chrono::steady_clock::now();
        conn.execute(st.text);
        report_time(hooks, i, i, started);
      } catch (const db::DatabaseError& e) {
        rollback_quietly(conn);
        auto f = failure_at(script, i, e, hooks);
        f.rolled_back = true;
        return f;
      }
    }
    ++i;
  }
  if (hooks.before_commit) {
    if (auto f = hooks.before_commit(script)) {
      rollback_quietly(conn);
      f->rolled_back = true;
      return f;
    }
  }
  try {
    // Interrupted after the last statement: roll back rather than commit what was asked to stop.
    if (auto stop = interrupted()) throw *stop;
    conn.execute(joined(writes.on_success, "COMMIT"));
  } catch (const db::DatabaseError& e) {
    rollback_quietly(conn);
    ScriptFailure f;
    f.statement_index = script.statements.empty() ? 0 : script.statements.size() - 1;
    f.statement_count = script.statements.size();
    f.statement = "COMMIT";
    f.line = script.statements.empty() ? 1 : script.statements.back().line;
    f.db_code = e.code();
    f.db_message = database_error_text(e);
    f.rolled_back = true;
    return f;
  }
  return std::nullopt;
}

std::optional<ScriptFailure> apply_as_written(db::Connection& conn, const sql::Script& script,
                                              const HistoryWrites& writes,
                                              const ApplyHooks& hooks) {
  if (!writes.before.empty()) conn.execute(writes.before);
  const std::size_t start = std::min(writes.start, script.statements.size());
  std::size_t committed = start;    // statements whose effects are committed so far
  std::size_t opened = start;       // the statement that opened the transaction still open
  std::size_t retry_point = start;  // where the last retry started again
  int attempts = 0;                 // retries at retry_point so far
  for (std::size_t i = start; i < script.statements.size(); ++i) {
    const auto& st = script.statements[i];
    const bool was_open = conn.in_transaction();
    bool counted = false;  // the statement's progress committed with it
    try {
      if (auto stop = interrupted()) throw *stop;
      if (i == start && start > 0 && hooks.already_done && hooks.already_done(st)) {
        committed = i + 1;
        if (writes.progress) conn.execute(writes.progress(committed));
        continue;
      }
      if (hooks.before_statement) hooks.before_statement(st);
      const auto started = std::chrono::steady_clock::now();
      if (writes.progress && !was_open && hooks.progress_in_transaction &&
          hooks.progress_in_transaction(st)) {
        execute_with_progress(conn, st, writes.progress(i + 1));
        counted = true;
      } else {
        // Inside the file's own transaction, the count goes before its COMMIT (or other
        // transaction control) and commits with it.
        if (writes.progress && was_open && st.transaction_control) {
          conn.execute(writes.progress(i + 1));
        }
        conn.execute(st.text);
      }
      report_time(hooks, i, i, started);
    } catch (const db::DatabaseError& e) {
      rollback_quietly(conn);
      if (hooks.after_failure) hooks.after_failure(script.statements[i]);
      auto f = failure_at(script, i, e, hooks);
      f.statements_kept = committed;
      f.rolled_back = committed == 0;
      if (hooks.retry && db::interrupt_signal() == 0) {
        // Outside a transaction block only the statement itself failed; inside the file's own
        // block, everything since its BEGIN was rolled back with it.
        const std::size_t point = was_open ? opened : i;
        const int attempt = point == retry_point ? attempts + 1 : 1;
        if (auto delay = hooks.retry(f, attempt)) {
          if (wait_for_retry(*delay)) {
            retry_point = point;
            attempts = attempt;
            i = point - 1;  // the loop's ++i runs it again (point > 0 or the loop wraps to 0)
            continue;
          }
        }
      }
      return f;
    }
    if (!conn.in_transaction()) {
      committed = i + 1;
      // Outside a transaction the statement committed on its own: count it now (a crash just
      // before this write leaves it uncounted; ApplyHooks::already_done decides on resume).
      // After the file's COMMIT this writes the count again (harmless), and after its
      // ROLLBACK it writes the count the rollback undid.
      if (writes.progress && !counted) conn.execute(writes.progress(committed));
    } else if (!was_open) {
      opened = i;
    }
  }
  if (conn.in_transaction()) {
    // The script opened a transaction and never closed it: its changes are not committed. The
    // failure names the statement that opened it.
    rollback_quietly(conn);
    const auto& begin = script.statements[opened];
    ScriptFailure f;
    f.statement_index = opened;
    f.statement_count = script.statements.size();
    f.statement = begin.text;
    f.line = begin.line;
    f.db_code = "GW2004";
    f.db_message = fmt::format(
        "The migration opens a transaction (statement {}, line {}) and never closes it (no "
        "COMMIT or ROLLBACK follows); godwit rolled back what ran inside it instead of leaving "
        "it to commit implicitly.",
        opened + 1, begin.line);
    f.statements_kept = committed;
    f.rolled_back = committed == 0;
    return f;
  }
  if (!writes.on_success.empty()) conn.execute(writes.on_success);
  return std::nullopt;
}

}  // namespace

std::string database_error_text(const db::DatabaseError& e) {
  std::string out = e.message();
  if (!e.detail().empty()) out += "\nDETAIL: " + e.detail();
  if (!e.hint().empty()) out += "\nHINT: " + e.hint();
  return out;
}

std::optional<ScriptFailure> apply_script(db::Connection& conn, const sql::Script& script,
                                          const HistoryWrites& writes, const ApplyHooks& hooks) {
  if (script.mode == sql::TransactionMode::kSingle) {
    auto failure = apply_in_one_transaction(conn, script, writes, hooks);
    HistoryWrites again{"", writes.on_success};  // the started row is already committed
    for (int attempt = 1;
         failure && failure->rolled_back && hooks.retry && db::interrupt_signal() == 0; ++attempt) {
      auto delay = hooks.retry(*failure, attempt);
      if (!delay || !wait_for_retry(*delay)) break;
      failure = apply_in_one_transaction(conn, script, again, hooks);
    }
    return failure;
  }
  return apply_as_written(conn, script, writes, hooks);
}

}  // namespace godwit::migrate
