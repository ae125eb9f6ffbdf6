#pragma once
// The dialects godwit knows, registered explicitly (no static initialisers).

#include <string_view>

#include "migrate/dialect.hpp"

namespace godwit::dialect {

/// The dialect for a datasource provider ("postgresql"/"postgres", "sqlite").
/// Errors: GW2002 for a provider godwit does not support.
const migrate::Dialect* find(std::string_view provider);

}  // namespace godwit::dialect
