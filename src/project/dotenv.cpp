#include "project/dotenv.hpp"

#include <cctype>

#include "core/text.hpp"

namespace godwit::project {

std::map<std::string, std::string> parse_dotenv(std::string_view text) {
  std::map<std::string, std::string> out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark
  std::size_t i = 0;
  const auto n = text.size();
  auto skip_line = [&] {
    while (i < n && text[i] != '\n')
      ++i;
    if (i < n) ++i;
  };
  while (i < n) {
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
      ++i;
    if (i >= n) break;
    if (text[i] == '#') {
      skip_line();
      continue;
    }
    if (text.substr(i).starts_with("export ")) i += 7;
    auto key_start = i;
    while (i < n && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
                     text[i] == '.' || text[i] == '-')) {
      ++i;
    }
    std::string key(text.substr(key_start, i - key_start));
    while (i < n && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    if (key.empty() || i >= n || (text[i] != '=' && text[i] != ':')) {
      skip_line();
      continue;
    }
    ++i;
    while (i < n && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    std::string value;
    if (i < n && (text[i] == '"' || text[i] == '\'' || text[i] == '`')) {
      char quote = text[i++];
      auto close = text.find(quote, i);
      if (close == std::string_view::npos) {
        // Unterminated: dotenv takes the rest of the line literally.
        auto eol = text.find('\n', i - 1);
        value =
            std::string(core::trim(text.substr(i - 1, eol == text.npos ? text.npos : eol - i + 1)));
        i = eol == std::string_view::npos ? n : eol;
      } else {
        value = std::string(text.substr(i, close - i));
        i = close + 1;
        if (quote == '"') {
          value = core::replace_all(value, "\\n", "\n");
          value = core::replace_all(value, "\\r", "\r");
        }
      }
      skip_line();
    } else {
      auto eol = text.find('\n', i);
      auto raw = text.substr(i, eol == std::string_view::npos ? n - i : eol - i);
      if (auto hash = raw.find(" #"); hash != std::string_view::npos) raw = raw.substr(0, hash);
      value = std::string(core::trim(raw));
      i = eol == std::string_view::npos ? n : eol + 1;
    }
    out[key] = value;
  }
  return out;
}

namespace {

std::string expand(std::string_view value, const std::map<std::string, std::string>& parsed,
                   const std::function<std::optional<std::string>(const std::string&)>& env,
                   int depth) {
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value[i] == '\\' && value.substr(i + 1).starts_with("${")) {
      out += '$';
      i += 2;
      continue;
    }
    if (!value.substr(i).starts_with("${")) {
      out += value[i++];
      continue;
    }
    auto close = value.find('}', i + 2);
    std::string_view name =
        close == std::string_view::npos ? std::string_view{} : value.substr(i + 2, close - i - 2);
    bool word = close != std::string_view::npos;
    for (char c : name)
      word = word && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!word) {
      out += value[i++];
      continue;
    }
    std::string key(name);
    if (auto v = env(key)) {
      out += *v;
    } else if (auto it = parsed.find(key); it != parsed.end() && depth < 32) {
      out += expand(it->second, parsed, env, depth + 1);
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> expand_dotenv(
    const std::map<std::string, std::string>& parsed,
    const std::function<std::optional<std::string>(const std::string&)>& env) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : parsed)
    out[k] = expand(v, parsed, env, 0);
  return out;
}

}  // namespace godwit::project
