#pragma once
// Checks of @default literals that Prisma performs after type checking (ENG psl-core
// validations/default_value.rs): Json must parse, Bytes must be base64, DateTime must be
// RFC 3339, Int/BigInt must fit in 64 bits, Decimal strings must be numbers. Also the decoders
// the catalog builder needs for the same literals.

#include <optional>
#include <string>
#include <string_view>

#include "psl/ast.hpp"
#include "psl/model.hpp"

namespace godwit::psl {

/// Prisma's error message for a default literal of `type`, or nullopt when it is fine (or not
/// checked). Messages carry Prisma's wording; the parenthesised detail is godwit's.
std::optional<std::string> check_default_literal(ScalarType type, const ast::Expression& value);

/// Standard base64 (with padding) -> bytes; nullopt when invalid.
std::optional<std::string> decode_base64(std::string_view text);

/// Why `text` is not valid JSON (serde_json style: "<what> at line L column C"), or nullopt.
std::optional<std::string> json_syntax_error(std::string_view text);

/// Why `text` is not an RFC 3339 date-time (chrono style), or nullopt.
std::optional<std::string> rfc3339_error(std::string_view text);

}  // namespace godwit::psl
