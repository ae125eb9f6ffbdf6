// db pull with the `views` preview feature: each view's SQL in `<views
// folder>/<schema>/<name>.sql`, written and cleaned up as Prisma 7.10.1's CLI does (its
// introspection's `views` result, handled by the CLI's views IO: create the folders, write the
// files, then remove every other
// `**/*/*.sql` under the views folder and the folders left empty, the views folder included).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

#include "core/error.hpp"
#include "pull/renderer.hpp"
#include "sql/lex.hpp"
#include "sql/view_format.hpp"

namespace godwit::pull {

namespace {

namespace fs = std::filesystem;

// A definition stored as its whole `CREATE VIEW ... AS <query>` statement (SQLite's
// sqlite_schema.sql) cut to the query and its `;`, as Prisma's SQLite flavour keeps only the
// query (format_view_definition); a definition that is already a query is kept. Prisma prints
// the query as sqlparser-rs parsed it, which respells some SQL (`CAST`, `<>`, `AS` before an
// alias): godwit keeps the stored spelling (docs/compatibility.md, db pull deviations).
std::string view_query(const std::string& definition) {
  auto words = sql::leading_words(definition, 2, sql::CommentStyle::kSqlite);
  if (words.empty() || words[0] != "CREATE") return definition;
  // The first `AS` outside quotes and parentheses ends the head (`CREATE [TEMP] VIEW [IF NOT
  // EXISTS] name [(columns)] AS`).
  int depth = 0;
  for (std::size_t i = 0; i < definition.size(); ++i) {
    char c = definition[i];
    if (c == '"' || c == '\'' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      auto end = definition.find(close, i + 1);
      if (end == std::string::npos) break;
      i = end;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && (c == 'a' || c == 'A') && i + 1 < definition.size() &&
               (definition[i + 1] == 's' || definition[i + 1] == 'S') && i > 0 &&
               std::isspace(static_cast<unsigned char>(definition[i - 1])) &&
               (i + 2 == definition.size() ||
                !std::isalnum(static_cast<unsigned char>(definition[i + 2])))) {
      auto start = sql::skip_trivia(definition, i + 2, sql::CommentStyle::kSqlite);
      std::string query = definition.substr(start);
      while (!query.empty() &&
             (std::isspace(static_cast<unsigned char>(query.back())) || query.back() == ';'))
        query.pop_back();
      return query + ";";
    }
  }
  return definition;
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, const std::error_code& ec) {
  throw core::Error("GW1153",
                    fmt::format("Could not {} `{}`: {}.", what, path.string(), ec.message()),
                    "Check the views folder's permissions (prisma.config.ts `views.path`, else "
                    "`views` beside the schema) and run `godwit db pull` again.");
}

// Removes `dir` and the folders under it that hold nothing (after the files were removed).
void remove_empty_folders(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    remove_empty_folders(entry.path());
  if (fs::is_empty(dir, ec) && !ec) {
    fs::remove(dir, ec);
    if (ec) fail("remove the empty folder", dir, ec);
  }
}

}  // namespace

std::vector<ViewFile> view_files(const schema::Catalog& catalog, const PullOptions& options) {
  std::vector<ViewFile> out;
  if (!options.views) return out;
  detail::PullRenderer renderer(catalog, options);
  for (std::size_t v = 0; v < catalog.views.size(); ++v) {
    const auto& view = catalog.views[v];
    out.push_back(
        {fs::path(catalog.get(view.namespace_id).name) / (renderer.view_names()[v] + ".sql"),
         sql::format_view_definition(view_query(view.definition))});
  }
  return out;
}

void write_view_files(const fs::path& dir, const std::vector<ViewFile>& files) {
  std::error_code ec;
  std::vector<fs::path> kept;
  for (const auto& f : files) {
    const fs::path path = dir / f.relative_path;
    fs::create_directories(path.parent_path(), ec);
    if (ec) fail("create the folder", path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << f.text;
    out.close();
    if (!out) fail("write", path, std::make_error_code(std::errc::io_error));
    kept.push_back(path.lexically_normal());
  }
  if (!fs::is_directory(dir, ec)) return;
  // `**/*/*.sql`: the .sql files one folder deep or more (not the views folder's own files).
  std::vector<fs::path> stale;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const auto& p = it->path();
    if (it.depth() < 1 || p.extension() != ".sql" || !it->is_regular_file()) continue;
    if (p.filename().string().starts_with(".")) continue;  // the glob skips dot files
    if (std::find(kept.begin(), kept.end(), p.lexically_normal()) == kept.end()) stale.push_back(p);
  }
  for (const auto& p : stale) {
    fs::remove(p, ec);
    if (ec) fail("remove the stale view file", p, ec);
  }
  remove_empty_folders(dir);
}

}  // namespace godwit::pull
