// The configuration blocks of the existing schema that `db pull` keeps (see render_schema.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "pull/render_schema.hpp"

namespace godwit::pull {

namespace {

// The items of `line`'s `[...]` list, trimmed; nullopt when it holds no list.
std::optional<std::vector<std::string>> list_items(const std::string& line) {
  auto open = line.find('['), close = line.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  std::vector<std::string> items;
  std::istringstream list(line.substr(open + 1, close - open - 1));
  for (std::string item; std::getline(list, item, ',');) {
    auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) items.push_back(item.substr(b, e - b + 1));
  }
  return items;
}

// Prisma prints preview features in its feature list's order (ENG psl-core
// preview_features.rs, append-only): by name for the older features the corpus uses, the
// newest, `partialIndexes`, last.
bool feature_before(const std::string& a, const std::string& b) {
  auto newest = [](const std::string& quoted) { return quoted == "\"partialIndexes\""; };
  if (newest(a) != newest(b)) return newest(b);
  return a < b;
}

// `  key = [a, b]` with the items sorted (preview features in Prisma's order); "" when `line`
// holds no list.
std::string sorted_list_line(const std::string& line, std::string_view key) {
  auto items = list_items(line);
  if (!items) return "";
  if (key == "previewFeatures") {
    std::sort(items->begin(), items->end(), feature_before);
  } else {
    std::sort(items->begin(), items->end());
  }
  return "  " + std::string(key) + " = [" + fmt::format("{}", fmt::join(*items, ", ")) + "]";
}

// ENG datamodel-renderer configuration/datasource.rs: the datasource is rendered from its parsed
// form, whose `schemas` are sorted.
std::string reorder_datasource(const std::string& block) {
  std::istringstream in(block);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    auto start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 7, "schemas") == 0 &&
        (line.size() == start + 7 || line[start + 7] == ' ' || line[start + 7] == '=')) {
      if (auto sorted = sorted_list_line(line, "schemas"); !sorted.empty()) line = sorted;
    }
    out += line + "\n";
  }
  return out;
}

// ENG datamodel-renderer configuration/generator.rs: Prisma re-renders a generator as provider,
// output, previewFeatures (in its feature list's order: by name for the features the corpus
// uses), binaryTargets, then the other keys by name.
std::string reorder_generator(const std::string& block) {
  std::istringstream in(block);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  if (lines.size() < 2) return block;
  std::map<std::string, std::string> rest;
  std::string provider, output, features, targets;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::string& line = lines[i];
    auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, 2, "//") == 0) continue;
    auto end = line.find_first_of(" \t=", start);
    std::string key =
        line.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (key == "provider") {
      provider = line;
    } else if (key == "output") {
      output = line;
    } else if (key == "binaryTargets") {
      targets = line;
    } else if (key == "previewFeatures") {
      features = sorted_list_line(line, "previewFeatures");
      if (features.empty()) features = line;
    } else {
      rest[key] = line;
    }
  }
  std::string out = lines.front() + "\n";
  for (const std::string* l : {&provider, &output, &features, &targets}) {
    if (!l->empty()) out += *l + "\n";
  }
  for (const auto& [key, line] : rest)
    out += line + "\n";
  return out + lines.back() + "\n";
}

}  // namespace

std::string config_blocks(const std::string& schema_text) {
  std::vector<std::string> generators, datasources;
  std::istringstream in(schema_text);
  std::string line;
  std::string* current = nullptr;
  std::string block;
  bool is_generator = false;
  auto starts_block = [](const std::string& l, std::string_view keyword) {
    return l.starts_with(keyword) && l.size() > keyword.size() &&
           (l[keyword.size()] == ' ' || l[keyword.size()] == '\t');
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (current == nullptr) {
      if (starts_block(line, "generator") || starts_block(line, "datasource")) {
        is_generator = starts_block(line, "generator");
        block = line + "\n";
        current = &block;
        if (line.find('}') != std::string::npos) {
          (is_generator ? generators : datasources).push_back(block);
          current = nullptr;
        }
      }
      continue;
    }
    std::string trimmed = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
    if (trimmed.starts_with("url") || trimmed.starts_with("directUrl") ||
        trimmed.starts_with("shadowDatabaseUrl")) {
      auto rest = trimmed.substr(trimmed.find_first_of(" \t=") == std::string::npos
                                     ? trimmed.size()
                                     : trimmed.find_first_of(" \t="));
      if (rest.find_first_not_of(" \t") != std::string::npos &&
          rest[rest.find_first_not_of(" \t")] == '=')
        continue;
    }
    block += line + "\n";
    if (trimmed.starts_with("}")) {
      (is_generator ? generators : datasources).push_back(block);
      current = nullptr;
    }
  }
  std::string out;
  for (const auto& g : generators)
    out += (out.empty() ? "" : "\n") + reorder_generator(g);
  for (const auto& d : datasources)
    out += (out.empty() ? "" : "\n") + reorder_datasource(d);
  return out;
}

std::string with_preview_feature(const std::string& config, std::string_view feature) {
  const std::string quoted = fmt::format("\"{}\"", feature);
  std::istringstream in(config);
  std::string out, block;
  bool in_generator = false;
  for (std::string line; std::getline(in, line);) {
    if (!in_generator) {
      if (!line.starts_with("generator ")) {
        out += line + "\n";
        continue;
      }
      in_generator = true;
      block.clear();
    }
    auto start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 15, "previewFeatures") == 0) {
      auto items = list_items(line);
      if (items && std::find(items->begin(), items->end(), quoted) == items->end()) {
        items->push_back(quoted);
        line = "  previewFeatures = [" + fmt::format("{}", fmt::join(*items, ", ")) + "]";
      }
      block += line + "\n";
      continue;
    }
    if (line.starts_with("}")) {
      if (block.find("previewFeatures") == std::string::npos)
        block += "  previewFeatures = [" + quoted + "]\n";
      out += reorder_generator(block + line + "\n");
      in_generator = false;
      continue;
    }
    block += line + "\n";
  }
  return out;
}

}  // namespace godwit::pull
