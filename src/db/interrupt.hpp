#pragma once
// Ctrl-C and SIGTERM: what godwit does when asked to stop (docs/compatibility.md, "Interrupted
// runs"). The ground rule: no statement of godwit's is left running on the server after godwit
// exits, and no half-applied migration is left unrecorded.
//
// - A signal first cancels the statement running on the registered connection (CancelOnSignal):
//   PostgreSQL's PQcancel, SQLite's sqlite3_interrupt, both async-signal-safe.
// - Outside an InterruptibleSection (nothing is being applied: reading files, waiting for the
//   migrate lock, reading the history) the handler then exits 130 at once; the server rolls back
//   whatever the closed session had open and drops its locks.
// - Inside one (a migration or a `db execute` script is running) the handler returns: the
//   statement fails, and the code in the section rolls back, records the migration as failed
//   with "interrupted by signal" in its logs, and throws Interrupted (exit 130).
// - A second signal cancels once more (the cleanup statement itself may be waiting on a lock)
//   and exits 130 at once; a third exits without even that.
//
// This is the one piece of process-wide state in godwit: a signal handler can reach nothing
// else.

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "db/connection.hpp"

namespace godwit::db {

/// Exit code of a run ended by SIGINT or SIGTERM (128 + SIGINT, what shells report for Ctrl-C).
inline constexpr int kInterruptedExitCode = 130;

/// Installs the SIGINT and SIGTERM handlers for the rest of the process. Call once from the
/// command-line entry point, before any connection opens.
void install_interrupt_handlers();

/// The first signal (SIGINT or SIGTERM) received since install_interrupt_handlers(), or 0.
int interrupt_signal() noexcept;

/// "SIGINT" or "SIGTERM" (the number for another signal).
std::string signal_name(int signal);

/// While alive, a signal cancels `canceller`'s statement. One registration at a time (the one
/// connection a command has); a null canceller registers nothing. Destroy it before the
/// connection: the destructor waits for a handler that is using it to finish.
class CancelOnSignal {
 public:
  explicit CancelOnSignal(std::unique_ptr<Canceller> canceller);
  ~CancelOnSignal();
  CancelOnSignal(const CancelOnSignal&) = delete;
  CancelOnSignal& operator=(const CancelOnSignal&) = delete;

 private:
  std::unique_ptr<Canceller> canceller_;
};

/// While alive, a first signal cancels the running statement and returns instead of exiting:
/// the code inside must check interrupt_signal() after each statement and clean up (see the top
/// of this file). Sections nest.
class InterruptibleSection {
 public:
  InterruptibleSection();
  ~InterruptibleSection();
  InterruptibleSection(const InterruptibleSection&) = delete;
  InterruptibleSection& operator=(const InterruptibleSection&) = delete;
};

/// GW2009: the command stopped on SIGINT/SIGTERM after cleaning up; main() exits with
/// kInterruptedExitCode. Message "Interrupted by signal SIGINT. <what>": `what` says what was
/// done about the work in progress; `hint` what to do next.
class Interrupted : public core::Error {
 public:
  Interrupted(int signal, const std::string& what, const std::string& hint = {});
};

}  // namespace godwit::db
