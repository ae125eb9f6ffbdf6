#pragma once
// A lint report as text, the way `godwit migrate lint` prints it (and the golden tests compare).

#include <string>

#include "lint/run.hpp"

namespace godwit::lint {

/// Each finding as
///
///   FILE:LINE: SEVERITY [CODE] MESSAGE
///     statement: FIRST LINE OF THE STATEMENT (" ..." when it goes on)
///     lock: LOCK - BLOCKS
///     why: NOTE
///     instead:
///       SAFE SQL, indented
///
/// (lines without content left out), a blank line between findings, then the summary line
/// "N errors, N warnings, N notes in N files (N statements)".
std::string render_text(const Report& report);

/// The summary line alone.
std::string summary_line(const Report& report);

}  // namespace godwit::lint
