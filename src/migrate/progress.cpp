#include "migrate/progress.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/sha256.hpp"

namespace godwit::migrate {
namespace {

constexpr std::string_view kMarker = "godwit progress: ";

// Reads a decimal number at the start of `text`, advancing it; nullopt when none.
std::optional<std::size_t> take_number(std::string_view& text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

bool take(std::string_view& text, std::string_view word) {
  if (!text.starts_with(word)) return false;
  text.remove_prefix(word.size());
  return true;
}

}  // namespace

std::string progress_note(std::size_t committed, std::size_t total, std::string_view digest) {
  std::string out = fmt::format("{}{} of {} statements committed", kMarker, committed, total);
  if (!digest.empty() && committed > 0) {
    out += fmt::format("; sha256 of statements 1-{}: {}", committed, digest);
  }
  return out;
}

std::optional<ProgressNote> parse_progress(std::string_view logs) {
  const auto at = logs.rfind(kMarker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = logs.substr(at + kMarker.size());
  ProgressNote note;
  auto committed = take_number(rest);
  if (!committed || !take(rest, " of ")) return std::nullopt;
  auto total = take_number(rest);
  if (!total || !take(rest, " statements committed")) return std::nullopt;
  note.committed = *committed;
  note.total = *total;
  if (take(rest, "; sha256 of statements 1-")) {
    auto upto = take_number(rest);
    if (upto && *upto == note.committed && take(rest, ": ") && rest.size() >= 64) {
      note.digest = std::string(rest.substr(0, 64));
    }
  }
  return note;
}

std::string prefix_digest(const sql::Script& script, std::size_t count) {
  if (count == 0 || script.statements.empty()) return core::sha256_hex("");
  count = std::min(count, script.statements.size());
  const auto& last = script.statements[count - 1];
  if (script.in_source(script.statements.front()) && script.in_source(last)) {
    return core::sha256_hex(script.source.substr(0, script.offset_of(last) + last.text.size()));
  }
  std::string joined;
  for (std::size_t i = 0; i < count; ++i) {
    joined += script.statements[i].text;
    joined += ";\n";
  }
  return core::sha256_hex(joined);
}

}  // namespace godwit::migrate
