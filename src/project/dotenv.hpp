#pragma once
// `.env` files, read the way the dotenv package does (Prisma 6 loads the one next to the
// schema): KEY=VALUE lines, `export ` prefix, '#' comments, single/double/back quotes,
// "\n" escapes inside double quotes, multi-line quoted values; a UTF-8 byte-order mark at
// the start is ignored.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace godwit::project {

std::map<std::string, std::string> parse_dotenv(std::string_view text);

/// parse_dotenv of the file at `path`; an empty map when it cannot be opened (no .env is fine).
std::map<std::string, std::string> read_dotenv_file(const std::filesystem::path& path);

/// `${NAME}` expansion as Prisma 6 does it (its fork of dotenv-expand,
/// @prisma/internals dotenvExpand.ts, which reads only the braced form): `${NAME}` becomes the
/// process environment's NAME if set, else the same file's NAME (itself expanded), else "";
/// `\${NAME}` stays literal `${NAME}`; `$NAME` without braces is left alone. A cycle, and
/// nesting deeper than 32 levels, expand to ""; an expanded value stops at 1 MiB.
std::map<std::string, std::string> expand_dotenv(
    const std::map<std::string, std::string>& parsed,
    const std::function<std::optional<std::string>(const std::string&)>& env);

}  // namespace godwit::project
