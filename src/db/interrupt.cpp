#include "db/interrupt.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

namespace godwit::db {
namespace {

// Lock-free atomics are the only state a handler may touch (POSIX: async-signal-safe access).
std::atomic<int> g_first_signal{0};
std::atomic<int> g_signals{0};   // received so far
std::atomic<int> g_sections{0};  // InterruptibleSections alive
std::atomic<Canceller*> g_canceller{nullptr};
std::atomic<int> g_handlers_cancelling{0};  // handlers between loading g_canceller and done
static_assert(std::atomic<int>::is_always_lock_free);
static_assert(std::atomic<Canceller*>::is_always_lock_free);

const char* name_of(int signal) {
  return signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "?";
}

void say(const char* text) {
  // Best effort: nothing can be done about a failed write to stderr here.
  ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

void cancel_running_statement() {
  g_handlers_cancelling.fetch_add(1);
  if (Canceller* c = g_canceller.load()) c->cancel();
  g_handlers_cancelling.fetch_sub(1);
}

void on_signal(int signal) {
  const int saved_errno = errno;
  const int n = g_signals.fetch_add(1) + 1;
  if (n == 1) g_first_signal.store(signal);
  // A third signal while the second's cancel request hangs (unreachable server): just go.
  if (n <= 2) cancel_running_statement();
  if (n >= 2) {
    say("\nError: GW2009\n\nInterrupted again by signal ");
    say(name_of(signal));
    say(": godwit exits at once, without finishing its cleanup. The statement it had running "
        "was cancelled; a migration that was being recorded as failed may be left failed "
        "without logs: check with `godwit migrate status`.\n");
    ::_exit(kInterruptedExitCode);
  }
  if (g_sections.load() == 0) {
    say("\nError: GW2009\n\nInterrupted by signal ");
    say(name_of(signal));
    say(": godwit stopped. No migration was being applied, so nothing was recorded (a statement "
        "it had running on the database was cancelled).\n");
    ::_exit(kInterruptedExitCode);
  }
  errno = saved_errno;
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = &on_signal;
  sigemptyset(&sa.sa_mask);
  // SA_NODEFER: a second Ctrl-C must reach the handler even while the first one's cancel
  // request is still waiting for the server. SA_RESTART: file reads and sleeps elsewhere carry
  // on; the statement's failure, not EINTR, is what tells the code to stop.
  sa.sa_flags = SA_RESTART | SA_NODEFER;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int interrupt_signal() noexcept {
  return g_first_signal.load();
}

std::string signal_name(int signal) {
  if (signal == SIGINT || signal == SIGTERM) return name_of(signal);
  return std::to_string(signal);
}

CancelOnSignal::CancelOnSignal(std::unique_ptr<Canceller> canceller)
    : canceller_(std::move(canceller)) {
  if (canceller_) g_canceller.store(canceller_.get());
}

CancelOnSignal::~CancelOnSignal() {
  if (!canceller_) return;
  g_canceller.store(nullptr);
  // A handler on another thread may have loaded the pointer just before: let it finish.
  while (g_handlers_cancelling.load() != 0) {
  }
}

InterruptibleSection::InterruptibleSection() {
  g_sections.fetch_add(1);
}

InterruptibleSection::~InterruptibleSection() {
  g_sections.fetch_sub(1);
}

Interrupted::Interrupted(int signal, const std::string& what, const std::string& hint)
    : core::Error("GW2009", "Interrupted by signal " + signal_name(signal) + ". " + what, hint) {}

}  // namespace godwit::db
