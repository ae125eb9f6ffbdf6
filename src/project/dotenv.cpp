#include "project/dotenv.hpp"

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

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

std::map<std::string, std::string> read_dotenv_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_dotenv(ss.str());
}

namespace {

// Each key is expanded once (memoised); a key met again while it is being expanded (a cycle)
// and nesting deeper than kMaxDepth expand to ""; a value stops growing at kMaxSize bytes, so
// `A=${B}${B}`, `B=${C}${C}`, … cannot grow exponentially.
class Expander {
 public:
  using Env = std::function<std::optional<std::string>(const std::string&)>;
  static constexpr int kMaxDepth = 32;
  static constexpr std::size_t kMaxSize = 1 << 20;

  Expander(const std::map<std::string, std::string>& parsed, const Env& env)
      : parsed_(parsed), env_(env) {}

  std::string value_of(const std::string& key) {
    if (auto it = done_.find(key); it != done_.end()) return it->second;
    auto it = parsed_.find(key);
    if (it == parsed_.end() || active_.count(key) || depth_ >= kMaxDepth) return {};
    active_.insert(key);
    ++depth_;
    auto v = expand(it->second);
    --depth_;
    active_.erase(key);
    return done_[key] = v;
  }

 private:
  std::string expand(std::string_view value) {
    std::string out;
    std::size_t i = 0;
    while (i < value.size() && out.size() < kMaxSize) {
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
      if (auto v = env_(key)) {
        out += *v;
      } else {
        out += value_of(key);
      }
      i = close + 1;
    }
    if (out.size() > kMaxSize) out.resize(kMaxSize);
    return out;
  }

  const std::map<std::string, std::string>& parsed_;
  const Env& env_;
  std::map<std::string, std::string> done_;
  std::set<std::string> active_;
  int depth_ = 0;
};

}  // namespace

std::map<std::string, std::string> expand_dotenv(
    const std::map<std::string, std::string>& parsed,
    const std::function<std::optional<std::string>(const std::string&)>& env) {
  Expander x(parsed, env);
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : parsed)
    out[k] = x.value_of(k);
  return out;
}

}  // namespace godwit::project
