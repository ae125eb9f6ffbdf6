#pragma once
// `.env` files, read the way the dotenv package does (Prisma 6 loads the one next to the
// schema): KEY=VALUE lines, `export ` prefix, '#' comments, single/double/back quotes,
// "\n" escapes inside double quotes, multi-line quoted values.

#include <map>
#include <string>
#include <string_view>

namespace godwit::project {

std::map<std::string, std::string> parse_dotenv(std::string_view text);

}  // namespace godwit::project
