#include "project/project_config.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "project/dotenv.hpp"

namespace godwit::project {
namespace fs = std::filesystem;
namespace {

// What to use instead of a config value godwit cannot read.
std::string instead_of(std::string_view key) {
  if (key == "schema") return "pass --schema PATH";
  if (key == "migrations.path") return "pass --migrations DIR";
  if (key == "datasource.url" || key == "datasource.directUrl") {
    return "pass --url URL, or write env(\"DATABASE_URL\") and set DATABASE_URL";
  }
  return "write it as a string literal, env(\"NAME\") or process.env.NAME";
}

std::string display(const fs::path& p) {
  return p.filename().string();
}

class Resolver {
 public:
  Resolver(const ConfigFile& f, const EnvLookup& env, const std::map<std::string, std::string>& de)
      : f_(f), env_(env), dotenv_(de) {}

  const ConfigNode* find(std::string_view dotted) const {
    const ConfigNode* n = &f_.root;
    std::string_view rest = dotted;
    while (n) {
      auto dot = rest.find('.');
      auto key = rest.substr(0, dot);
      if (n->kind == ConfigNode::Kind::kUnreadable) unreadable(dotted, *n);
      if (n->kind != ConfigNode::Kind::kObject) return nullptr;
      n = n->member(key);
      if (dot == std::string_view::npos) break;
      rest = rest.substr(dot + 1);
    }
    if (n && n->kind == ConfigNode::Kind::kUnreadable) unreadable(dotted, *n);
    return n;
  }

  [[noreturn]] void unreadable(std::string_view key, const ConfigNode& n) const {
    auto file = f_.path.string();
    throw core::Error(
        "GW2020",
        fmt::format("{}:{}: `{}` is not a value godwit can read without running the config ({}).",
                    file, n.line, key, n.text),
        fmt::format("godwit reads string literals, env(\"NAME\"), process.env.NAME and constants "
                    "(README.md, Configuration): {}.",
                    instead_of(key)),
        core::SourceLocation{file, n.line, 0});
  }

  std::optional<std::string> lookup(const std::string& name) const {
    if (auto v = env_(name)) return v;
    if (auto it = dotenv_.find(name); it != dotenv_.end()) return it->second;
    return std::nullopt;
  }

  /// A string setting; nullopt when absent (or process.env.X unset).
  std::optional<std::string> string(std::string_view key) const {
    const auto* n = find(key);
    if (!n) return std::nullopt;
    switch (n->kind) {
      case ConfigNode::Kind::kString:
        return n->text;
      case ConfigNode::Kind::kProcessEnv: {
        auto v = lookup(n->text);
        if (v && v->empty()) return std::nullopt;
        return v;
      }
      case ConfigNode::Kind::kEnv: {
        auto v = lookup(n->text);
        if (!v || v->empty()) {
          // Prisma's env() throws PrismaConfigEnvError while loading the config.
          auto file = f_.path.string();
          throw core::Error("P1012",
                            fmt::format("Failed to load config file \"{}\": Cannot resolve "
                                        "environment variable: {}. ({}:{}, `{}`)",
                                        file, n->text, display(f_.path), n->line, key),
                            fmt::format("Set {} in the environment{}, or {}.", n->text,
                                        f_.loads_dotenv ? " or in .env" : "", instead_of(key)),
                            core::SourceLocation{file, n->line, 0});
        }
        return v;
      }
      default: {
        ConfigNode bad = *n;
        bad.text = "a string was expected";
        unreadable(key, bad);
      }
    }
  }

  std::vector<std::string> strings(std::string_view key) const {
    const auto* n = find(key);
    std::vector<std::string> out;
    if (!n) return out;
    if (n->kind != ConfigNode::Kind::kList) {
      ConfigNode bad = *n;
      bad.text = "a list of strings was expected";
      unreadable(key, bad);
    }
    for (const auto& item : n->items) {
      if (item.kind != ConfigNode::Kind::kString) {
        ConfigNode bad = item;
        bad.text = "a list of string literals was expected";
        unreadable(key, bad);
      }
      out.push_back(item.text);
    }
    return out;
  }

  std::optional<ConfigUrl> url(std::string_view key) const {
    auto v = string(key);
    if (!v) return std::nullopt;
    const auto* n = find(key);
    return ConfigUrl{*v, fmt::format("`{}` in {}:{}", key, display(f_.path), n->line),
                     f_.path.parent_path()};
  }

 private:
  const ConfigFile& f_;
  const EnvLookup& env_;
  const std::map<std::string, std::string>& dotenv_;
};

ProjectConfig read_package_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  ProjectConfig pc;
  if (!in) return pc;
  std::ostringstream ss;
  ss << in.rdbuf();
  auto bad = [&](const std::string& what) {
    return core::Error("GW2023", fmt::format("{}: {}", path.string(), what),
                       "Fix package.json, or pass --schema (Prisma 6 reads `prisma.schema` and "
                       "`prisma.seed` from it).");
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::exception& e) {
    throw bad(fmt::format("not valid JSON ({})", e.what()));
  }
  if (!j.is_object() || !j.contains("prisma")) return pc;
  const auto& p = j["prisma"];
  if (!p.is_object()) throw bad("`prisma` is not an object");
  pc.file = path;
  pc.is_package_json = true;
  if (p.contains("schema")) {
    if (!p["schema"].is_string()) throw bad("`prisma.schema` is not a string");
    pc.schema = (path.parent_path() / p["schema"].get<std::string>()).lexically_normal();
  }
  if (p.contains("seed")) {
    if (!p["seed"].is_string()) throw bad("`prisma.seed` is not a string");
    pc.seed = p["seed"].get<std::string>();
  }
  return pc;
}

}  // namespace

ProjectConfig resolve_config(const ConfigFile& file, const fs::path& cwd, const EnvLookup& env) {
  ProjectConfig pc;
  pc.file = file.path;
  if (file.loads_dotenv) pc.dotenv = read_dotenv_file(cwd / ".env");
  Resolver r(file, env, pc.dotenv);
  auto dir = file.path.parent_path();
  if (auto s = r.string("schema")) pc.schema = (dir / *s).lexically_normal();
  if (auto s = r.string("migrations.path")) pc.migrations = (dir / *s).lexically_normal();
  if (auto s = r.string("views.path")) pc.views = (dir / *s).lexically_normal();
  pc.seed = r.string("migrations.seed");
  pc.init_shadow_db = r.string("migrations.initShadowDb");
  pc.url = r.url("datasource.url");
  pc.direct_url = r.url("datasource.directUrl");
  pc.shadow_database_url = r.url("datasource.shadowDatabaseUrl");
  pc.external_tables = r.strings("tables.external");
  pc.external_enums = r.strings("enums.external");
  return pc;
}

ProjectConfig load_project_config(const std::optional<fs::path>& config, const fs::path& cwd,
                                  const EnvLookup& env) {
  std::optional<fs::path> path;
  if (config) {
    path = config->is_absolute() ? *config : cwd / *config;
    std::error_code ec;
    if (!fs::is_regular_file(*path, ec)) {
      throw core::Error("GW2021",
                        fmt::format("Config file not found at `{}` (--config).", config->string()),
                        "Check the path; it is taken relative to the current directory.");
    }
  } else {
    path = find_config_file(cwd);
  }
  if (!path) return read_package_json(cwd / "package.json");
  auto file = read_config_file(*path);
  return resolve_config(file, cwd, env);
}

}  // namespace godwit::project
