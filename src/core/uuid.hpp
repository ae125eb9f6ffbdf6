#pragma once

#include <string>

namespace godwit::core {

/// A random (version 4) UUID in its 36-character text form, as Prisma writes history ids
/// (prisma-compat.md §1.1). Uses the kernel's CSPRNG (getrandom(2)).
std::string uuid_v4();

}  // namespace godwit::core
