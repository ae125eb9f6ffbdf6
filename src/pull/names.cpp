// Names and literals of a pulled schema (see names.hpp).
#include "pull/names.hpp"

#include <openssl/evp.h>

#include <algorithm>

#include "psl/validate.hpp"

namespace godwit::pull::detail {
namespace {

bool pull_is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool pull_is_ident_char(char c) {
  return pull_is_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

// ENG sanitize_datamodel_names.rs: leading characters up to the first letter are dropped, any
// other character outside [_a-zA-Z0-9] becomes `_` (per byte, as the regex sees UTF-8 text
// through `[^...]` on chars: a multi-byte character is one `_`).
}  // namespace

std::string sanitize(std::string_view s) {
  std::size_t start = 0;
  while (start < s.size() && !pull_is_letter(s[start]))
    ++start;
  std::string out;
  for (std::size_t i = start; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // One `_` per UTF-8 character: skip its continuation bytes.
      out += '_';
      while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80)
        ++i;
    } else {
      out += pull_is_ident_char(s[i]) ? s[i] : '_';
    }
  }
  return out;
}

bool needs_sanitation(std::string_view s) {
  if (s.empty()) return false;
  if (!pull_is_letter(s[0])) return true;
  return !std::all_of(s.begin(), s.end(), pull_is_ident_char);
}

// ENG sanitize_datamodel_names.rs ModelName::new_from_sql without the duplicate-name case.
std::string plain_model_name(const std::string& name) {
  if (psl::is_reserved_model_name(name)) return "Renamed" + name;
  return needs_sanitation(name) ? sanitize(name) : name;
}

// A PSL string literal as Prisma's renderer writes it.
std::string psl_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string base64(std::string_view raw) {
  // EVP_EncodeBlock writes 4 characters per 3 bytes (padded) and a NUL.
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace godwit::pull::detail
