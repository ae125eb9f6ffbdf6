#pragma once
// Yes/no questions for destructive commands (`migrate reset`, `db push`), asked only when a
// person can answer, by Prisma 7.10.1's rule (its CLI's `isInteractive`): standard input is a
// terminal, TERM is not "dumb", and no CI system is detected (CI, CONTINUOUS_INTEGRATION,
// BUILD_NUMBER, GITHUB_ACTIONS, GITLAB_CI, JENKINS_URL, ... as Prisma's `isCi` lists them).

#include <optional>
#include <string>
#include <string_view>

namespace godwit::cli {

/// True when a question may be asked (see above).
bool can_prompt();

/// True when one of the CI variables above is set to a non-empty value.
bool ci_detected();

/// Asks `question` on stdout as Prisma's text prompt shows it (`? <question> › `) and returns
/// the line read from stdin; nullopt at end of input (Ctrl-D), which Prisma takes as a cancel.
std::optional<std::string> ask(std::string_view question);

/// Asks `question` on stdout as Prisma's prompt shows it (`? <question> › (y/N) `) and reads
/// one line from stdin: true for an answer starting with y or Y, false for anything else,
/// an empty line or end of input.
bool confirm(std::string_view question);

}  // namespace godwit::cli
