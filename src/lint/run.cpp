#include "lint/run.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <map>
#include <optional>
#include <thread>

#include "core/error.hpp"
#include "core/heap.hpp"

namespace godwit::lint {
namespace {

// One `-- godwit:ignore` comment.
struct Ignore {
  std::vector<std::string> codes;
  bool whole_file = false;
  bool has_reason = false;
  int comment_line = 0;
  int target_line = 0;  ///< the line whose statement it silences (whole_file: unused)
  bool used = false;
};

bool blank_or_comment(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t\r");
  return i == std::string_view::npos || line.substr(i).starts_with("--");
}

std::vector<std::string> split_codes(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    if (comma > start) out.emplace_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// The ignore comments of a file, with the line each applies to.
std::vector<Ignore> find_ignores(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  std::vector<Ignore> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t at = line.find("godwit:ignore");
    if (at == std::string_view::npos) continue;
    std::size_t dash = line.rfind("--", at);
    if (dash == std::string_view::npos) continue;
    Ignore ig;
    ig.comment_line = static_cast<int>(i) + 1;
    std::string_view rest = line.substr(at + 13);
    if (rest.starts_with("-file")) {
      ig.whole_file = true;
      rest.remove_prefix(5);
    }
    auto next_word = [&rest]() {
      std::size_t b = rest.find_first_not_of(" \t\r");
      if (b == std::string_view::npos) {
        rest = {};
        return std::string_view{};
      }
      rest.remove_prefix(b);
      std::size_t e = rest.find_first_of(" \t\r");
      std::string_view w = rest.substr(0, e);
      rest = e == std::string_view::npos ? std::string_view{} : rest.substr(e);
      return w;
    };
    ig.codes = split_codes(next_word());
    ig.has_reason = !next_word().empty();
    // A comment after code on the same line silences that line's statement; a comment on a
    // line of its own silences the next line that holds code.
    bool code_before = !blank_or_comment(line.substr(0, dash));
    ig.target_line = ig.comment_line;
    if (!code_before) {
      std::size_t j = i + 1;
      while (j < lines.size() && blank_or_comment(lines[j]))
        ++j;
      ig.target_line = static_cast<int>(j) + 1;
    }
    out.push_back(std::move(ig));
  }
  return out;
}

Finding engine_finding(std::string code, const Input& in, int line, std::string message) {
  Finding f;
  f.code = std::move(code);
  f.file = in.file;
  f.line = line;
  f.message = std::move(message);
  return f;
}

// Applies the file's ignore comments to `found` and adds the findings about the comments.
std::vector<Finding> apply_ignores(
    const Input& in, std::string_view text, std::vector<Finding> found,
    const std::map<std::string, const RuleInfo*, std::less<>>& rules) {
  auto ignores = find_ignores(text);
  std::vector<Finding> out;
  for (auto& f : found) {
    bool silenced = false;
    for (auto& ig : ignores) {
      if (!ig.has_reason) continue;
      if (std::find(ig.codes.begin(), ig.codes.end(), f.code) == ig.codes.end()) continue;
      if (ig.whole_file || ig.target_line == f.line) {
        ig.used = true;
        silenced = true;
      }
    }
    if (!silenced) out.push_back(std::move(f));
  }
  for (const auto& ig : ignores) {
    std::string codes = fmt::format("{}", fmt::join(ig.codes, ","));
    if (ig.codes.empty()) {
      out.push_back(engine_finding("ignore-without-reason", in, ig.comment_line,
                                   "`godwit:ignore` names no code: write `-- godwit:ignore CODE "
                                   "reason`"));
      continue;
    }
    for (const auto& c : ig.codes) {
      if (!rules.contains(c)) {
        out.push_back(engine_finding("unused-ignore", in, ig.comment_line,
                                     fmt::format("`godwit:ignore` names `{}`, which is no lint "
                                                 "code (docs/lint.md lists them)",
                                                 c)));
      }
    }
    if (!ig.has_reason) {
      out.push_back(engine_finding(
          "ignore-without-reason", in, ig.comment_line,
          fmt::format("`godwit:ignore {}` gives no reason, so it silences nothing: write why the "
                      "finding does not apply after the code",
                      codes)));
    } else if (!ig.used) {
      out.push_back(
          engine_finding("unused-ignore", in, ig.comment_line,
                         fmt::format("`godwit:ignore {}` silences nothing{}", codes,
                                     ig.whole_file ? " in this file"
                                                   : fmt::format(" on line {}", ig.target_line))));
    }
  }
  return out;
}

bool included(const RuleInfo& r, const Config& c) {
  if (!r.opt_in) return true;
  if (c.included.contains("all") || c.included.contains(std::string(r.code))) return true;
  return r.group == "E" && c.included.contains("design");
}

void check_config_codes(const Config& c,
                        const std::map<std::string, const RuleInfo*, std::less<>>& rules) {
  auto check = [&](const std::string& code, std::string_view key) {
    if (rules.contains(code)) return;
    throw core::Error(
        "GW2403",
        fmt::format("{}: `lint.{}` names `{}`, which is no lint code",
                    c.file ? c.file->string() : std::string("godwit.toml"), key, code),
        "docs/lint.md lists every code.");
  };
  for (const auto& d : c.disabled)
    check(d, "disable");
  for (const auto& i : c.included) {
    if (i != "design" && i != "all") check(i, "include");
  }
  for (const auto& [code, _] : c.severity)
    check(code, "severity");
}

// The whole file in one read(2): an ifstream's open, seeks and buffer cost as much as the
// read itself over a history of small files (perf on the corpus).
// The file's text; nullopt when it does not exist and `absent_ok`. One fstat and, for a
// regular file that does not grow meanwhile, one read: asking for a byte more than its size,
// a short read is its end.
std::optional<std::string> read_sql_file(const std::filesystem::path& p, bool absent_ok) {
  auto fail = [&p] {
    return core::Error("GW2402", fmt::format("Cannot read {}.", p.string()),
                       "Check the path and its permissions.");
  };
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && absent_ok) return std::nullopt;
  if (fd < 0) throw fail();
  struct stat st {};
  std::string out;
  const bool sized = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  out.resize(sized ? static_cast<std::size_t>(st.st_size) + 1 : 4096);
  std::size_t got = 0;
  for (;;) {
    if (got == out.size()) out.resize(out.size() * 2);
    const std::size_t want = out.size() - got;
    ssize_t n = ::read(fd, out.data() + got, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      throw fail();
    }
    got += static_cast<std::size_t>(n);
    if (n == 0 || (sized && static_cast<std::size_t>(n) < want)) break;
  }
  ::close(fd);
  out.resize(got);
  return out;
}

// Of the once-per-file candidates (Finding::first_in_file), the first of each code is kept.
void keep_first_in_file(std::vector<Finding>& found) {
  std::vector<std::string> seen;  // copies: erase_if moves the findings it keeps
  std::erase_if(found, [&seen](const Finding& f) {
    if (!f.first_in_file) return false;
    if (std::find(seen.begin(), seen.end(), f.code) != seen.end()) return true;
    seen.push_back(f.code);
    return false;
  });
}

}  // namespace

std::size_t Report::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [s](const auto& f) { return f.severity == s; }));
}

const std::vector<RuleInfo>& engine_rules() {
  static const std::vector<RuleInfo> kRules = {
      {"ignore-without-reason", "G", Severity::kError, false,
       "a `godwit:ignore` comment without a code or a reason (it silences nothing)"},
      {"unused-ignore", "G", Severity::kWarning, false,
       "a `godwit:ignore` comment that silences nothing, or names an unknown code"},
      {"non-linear-history", "D", Severity::kError, false,
       "a pending migration that sorts before one already applied (D7)"},
  };
  return kRules;
}

Report run(const Linter& linter, const std::vector<Input>& inputs, const RunOptions& options) {
  std::map<std::string, const RuleInfo*, std::less<>> rules;
  for (const auto& r : linter.rules())
    rules.emplace(std::string(r.code), &r);
  for (const auto& r : engine_rules())
    rules.emplace(std::string(r.code), &r);
  check_config_codes(options.config, rules);

  // Files are independent: lint them on a few threads, results kept in input order.
  std::vector<FileResult> results(inputs.size());
  std::vector<std::string> read_texts(inputs.size());
  std::vector<std::exception_ptr> errors(inputs.size());
  std::vector<char> absent(inputs.size(), 0);  // skip_if_absent inputs that were not there
  auto text_of = [&](std::size_t i) -> std::string_view {
    return inputs[i].read_from.empty() ? std::string_view(inputs[i].text)
                                       : std::string_view(read_texts[i]);
  };
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    core::prefer_huge_pages_for_thread_heap();
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      try {
        if (!inputs[i].read_from.empty()) {
          auto text = read_sql_file(inputs[i].read_from, inputs[i].skip_if_absent);
          if (!text) {
            absent[i] = 1;
            continue;
          }
          read_texts[i] = std::move(*text);
        }
        results[i] = linter.lint(inputs[i].file, text_of(i));
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads,
                               static_cast<unsigned>(std::max<std::size_t>(1, inputs.size() / 8)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& t : pool)
    t.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }

  std::string last_applied;
  for (const auto& a : options.applied)
    last_applied = std::max(last_applied, a);

  // Tables earlier inputs of a pending run created and left empty.
  std::vector<TableRef> fresh;
  auto is_fresh = [&fresh](const TableRef& t) {
    return std::any_of(fresh.begin(), fresh.end(), [&t](const TableRef& f) { return f.same(t); });
  };

  Report report;
  report.files =
      inputs.size() - static_cast<std::size_t>(std::count(absent.begin(), absent.end(), 1));
  std::size_t total = 0;
  for (const auto& r : results)
    total += r.findings.size();
  report.findings.reserve(total + inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (absent[i]) continue;
    const Input& in = inputs[i];
    report.statements += results[i].statements;
    auto found = std::move(results[i].findings);
    if (options.pending_run) {
      std::erase_if(found, [&](const Finding& f) {
        return !f.unless_new_tables.empty() &&
               std::all_of(f.unless_new_tables.begin(), f.unless_new_tables.end(), is_fresh);
      });
      for (const auto& t : results[i].no_longer_empty)
        std::erase_if(fresh, [&t](const TableRef& f) { return f.same(t); });
      if (results[i].opaque_writes) fresh.clear();
      for (const auto& t : results[i].created_empty)
        fresh.push_back(t);
    }
    keep_first_in_file(found);
    if (!in.migration.empty() && !last_applied.empty() && in.migration < last_applied) {
      found.push_back(engine_finding(
          "non-linear-history", in, 1,
          fmt::format("migration `{}` is pending but sorts before `{}`, which is already "
                      "applied: other environments may have applied them in another order",
                      in.migration, last_applied)));
      found.back().note =
          "Rename the folder so that it sorts after the last applied migration (a newer "
          "timestamp), or check that its order does not matter and resolve it explicitly.";
    }
    found = apply_ignores(in, text_of(i), std::move(found), rules);
    std::stable_sort(found.begin(), found.end(),
                     [](const Finding& a, const Finding& b) { return a.line < b.line; });
    for (auto& f : found) {
      auto it = rules.find(f.code);
      if (it == rules.end()) continue;  // a dialect reported a code it does not list: a bug
      const RuleInfo& r = *it->second;
      if (!included(r, options.config) || options.config.disabled.contains(f.code)) continue;
      f.severity = r.severity;
      if (auto s = options.config.severity.find(f.code); s != options.config.severity.end()) {
        f.severity = s->second;
      }
      report.findings.push_back(std::move(f));
    }
  }
  return report;
}

}  // namespace godwit::lint
