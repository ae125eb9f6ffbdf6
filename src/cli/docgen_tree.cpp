// The CLI11 tree as plain data (docgen.hpp): what every generator walks.
#include <stdexcept>

#include "cli/docgen.hpp"

namespace godwit::cli::docgen {
namespace {

ValueKind value_kind(const std::string& type_name) {
  if (type_name == "FILE" || type_name == "PATH") return ValueKind::kFile;
  if (type_name == "DIR") return ValueKind::kDir;
  return ValueKind::kText;
}

OptionDoc describe_option(const CLI::Option& o) {
  OptionDoc d;
  d.short_names = o.get_snames();
  d.long_names = o.get_lnames();
  d.description = o.get_description();
  d.env = o.get_envname();
  d.required = o.get_required();
  if (o.get_items_expected_max() > 0) {  // flags expect no value
    // get_type_name() appends validators (":NONNEGATIVE"); the first word is the type.
    auto type = o.get_type_name();
    type = type.substr(0, type.find(':'));
    d.value_name = type.empty() ? "VALUE" : type;
    d.value = value_kind(d.value_name);
    d.default_value = o.get_default_str();
  }
  return d;
}

CommandDoc describe_command(const CLI::App& app, std::vector<std::string> path) {
  CommandDoc c;
  c.path = std::move(path);
  c.description = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden
    if (o->nonpositional()) {
      c.options.push_back(describe_option(*o));
    } else {
      c.positionals.emplace_back(o->get_name(true), o->get_description());
    }
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) {
         return !s->get_group().empty() && !s->get_disabled() && !s->get_name().empty();
       })) {
    auto sub_path = c.path;
    sub_path.push_back(sub->get_name());
    c.subcommands.push_back(describe_command(*sub, std::move(sub_path)));
  }
  return c;
}

void collect(const CommandDoc& c, std::vector<const CommandDoc*>& out) {
  out.push_back(&c);
  for (const auto& s : c.subcommands)
    collect(s, out);
}

}  // namespace

std::vector<std::string> OptionDoc::spellings() const {
  std::vector<std::string> out;
  for (const auto& s : short_names)
    out.push_back("-" + s);
  for (const auto& l : long_names)
    out.push_back("--" + l);
  return out;
}

std::string CommandDoc::full_name() const {
  std::string out;
  for (const auto& p : path)
    out += (out.empty() ? "" : " ") + p;
  return out;
}

std::vector<const CommandDoc*> CommandDoc::all() const {
  std::vector<const CommandDoc*> out;
  collect(*this, out);
  return out;
}

CommandDoc describe(const CLI::App& app) {
  if (app.get_name().empty()) throw std::invalid_argument("docgen: the app has no name");
  return describe_command(app, {app.get_name()});
}

std::string summary(std::string_view description) {
  constexpr std::size_t kMax = 80;
  // Up to the first ". ", "; " or line break outside parentheses; when still long, up to the
  // first parenthesis; when still long, cut at a word.
  std::size_t end = description.size(), paren = std::string_view::npos;
  int depth = 0;
  for (std::size_t i = 0; i < description.size() && end == description.size(); ++i) {
    char c = description[i];
    if (c == '(') {
      if (depth++ == 0 && paren == std::string_view::npos && i > 0) paren = i;
    } else if (c == ')') {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (depth == 0 && (c == '\n' || ((c == '.' || c == ';') && i + 1 < description.size() &&
                                            description[i + 1] == ' '))) {
      end = i;
    }
  }
  if (end > kMax && paren != std::string_view::npos && paren < end) end = paren;
  std::string out(description.substr(0, end));
  while (!out.empty() && (out.back() == '.' || out.back() == ' '))
    out.pop_back();
  if (out.size() > kMax) {
    auto space = out.rfind(' ', kMax - 3);
    out = out.substr(0, space == std::string::npos ? kMax - 3 : space) + "...";
  }
  return out;
}

}  // namespace godwit::cli::docgen
