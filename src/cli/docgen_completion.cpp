// Shell completion scripts for bash, zsh and fish, generated from the command tree.
#include <cctype>
#include <string>

#include "cli/docgen.hpp"

namespace godwit::cli::docgen {
namespace {

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// A POSIX shell single-quoted word (bash, zsh).
std::string sh_quote(std::string_view s) {
  return "'" + replace_all(std::string(s), "'", "'\\''") + "'";
}

// A fish single-quoted word: only \ and ' are special inside.
std::string fish_quote(std::string_view s) {
  return "'" + replace_all(replace_all(std::string(s), "\\", "\\\\"), "'", "\\'") + "'";
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v)
    out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// The command path below the program: {"migrate", "deploy"} -> "migrate deploy".
std::string sub_path(const CommandDoc& c) {
  return join(std::vector<std::string>(c.path.begin() + 1, c.path.end()), " ");
}

std::string function_name(const CommandDoc& c) {
  std::string out = "_" + join(c.path, "_");
  for (auto& ch : out)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return out;
}

std::vector<std::string> spellings_where(const CommandDoc& c, bool (*keep)(const OptionDoc&)) {
  std::vector<std::string> out;
  for (const auto& o : c.options)
    if (keep(o))
      for (const auto& s : o.spellings())
        out.push_back(s);
  return out;
}

std::vector<std::string> subcommand_names(const CommandDoc& c) {
  std::vector<std::string> out;
  for (const auto& s : c.subcommands)
    out.push_back(s.path.back());
  return out;
}

std::string lower(std::string s) {
  for (auto& ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// ---- zsh ---------------------------------------------------------------------------------

std::string zsh_option_spec(const OptionDoc& o) {
  auto names = o.spellings();
  const bool takes_value = o.value != ValueKind::kNone;
  std::vector<std::string> forms;
  for (const auto& n : names)
    forms.push_back(!takes_value ? n : n.starts_with("--") ? n + "=" : n + "+");
  std::string desc = replace_all(
      replace_all(replace_all(summary(o.description), "\\", "\\\\"), "[", "\\["), "]", "\\]");
  std::string tail = "[" + desc + "]";
  if (o.value == ValueKind::kFile) tail += ":" + lower(o.value_name) + ":_files";
  if (o.value == ValueKind::kDir) tail += ":" + lower(o.value_name) + ":_files -/";
  if (o.value == ValueKind::kText) tail += ":" + lower(o.value_name) + ": ";
  if (forms.size() == 1) return sh_quote(forms[0] + tail);
  return sh_quote("(" + join(names, " ") + ")") + "{" + join(forms, ",") + "}" + sh_quote(tail);
}

std::string zsh_function(const CommandDoc& c) {
  const std::string fn = function_name(c);
  std::string out = fn + "() {\n";
  std::vector<std::string> specs;
  for (const auto& o : c.options)
    specs.push_back(zsh_option_spec(o));
  if (c.subcommands.empty()) {
    out += "  _arguments -s";
    for (const auto& s : specs)
      out += " \\\n    " + s;
    return out + "\n}\n\n";
  }
  out += "  local curcontext=\"$curcontext\" state state_descr line ret=1\n";
  out += "  typeset -A opt_args\n  _arguments -C -s";
  for (const auto& s : specs)
    out += " \\\n    " + s;
  out += " \\\n    '1: :->command' \\\n    '*:: :->argument' && ret=0\n";
  out += "  case $state in\n    (command)\n      local -a commands\n      commands=(\n";
  for (const auto& s : c.subcommands)
    out += "        " +
           sh_quote(replace_all(s.path.back(), ":", "\\:") + ":" + summary(s.description)) + "\n";
  out += "      )\n      _describe -t commands " + sh_quote(c.full_name() + " command") +
         " commands && ret=0\n      ;;\n";
  out += "    (argument)\n      curcontext=\"${curcontext%:*:*}:" + join(c.path, "-") +
         "-$words[1]:\"\n      case $words[1] in\n";
  for (const auto& s : c.subcommands)
    out += "        (" + sh_quote(s.path.back()) + ") " + function_name(s) + " && ret=0 ;;\n";
  out += "      esac\n      ;;\n  esac\n  return ret\n}\n\n";
  return out;
}

// ---- fish --------------------------------------------------------------------------------

std::string fish_table(const std::string& fn, const CommandDoc& root,
                       std::vector<std::string> (*items)(const CommandDoc&)) {
  std::string out = "function " + fn + "\n    switch \"$argv\"\n";
  for (const CommandDoc* c : root.all()) {
    auto v = items(*c);
    if (v.empty()) continue;
    out += "        case " + fish_quote(sub_path(*c)) + "\n            printf '%s\\n'";
    for (const auto& s : v)
      out += " " + fish_quote(s);
    out += "\n";
  }
  return out + "    end\nend\n\n";
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  const CommandDoc root = describe(app);
  const std::string& name = root.path.front();
  const std::string fn = function_name(root);
  std::string out = "# bash completion for " + name + "\n# Generated by " + name + "-docgen from " +
                    name + "'s command tree; do not edit.\n\n";
  // subs: subcommand names; opts: option spellings; values: options that take a value, of
  // which files complete file names and dirs directory names.
  out += fn + "_spec() {\n  case \"$1\" in\n";
  for (const CommandDoc* c : root.all()) {
    out += "    " + sh_quote(c->full_name()) + ")\n";
    out += "      subs=" + sh_quote(join(subcommand_names(*c), " ")) + "\n";
    out += "      opts=" +
           sh_quote(join(spellings_where(*c, [](const OptionDoc&) { return true; }), " ")) + "\n";
    out += "      values=" +
           sh_quote(join(
               spellings_where(*c, [](const OptionDoc& o) { return o.value != ValueKind::kNone; }),
               " ")) +
           "\n";
    out += "      files=" +
           sh_quote(join(
               spellings_where(*c, [](const OptionDoc& o) { return o.value == ValueKind::kFile; }),
               " ")) +
           "\n";
    out += "      dirs=" +
           sh_quote(join(
               spellings_where(*c, [](const OptionDoc& o) { return o.value == ValueKind::kDir; }),
               " ")) +
           "\n      ;;\n";
  }
  out += "    *) subs='' opts='' values='' files='' dirs='' ;;\n  esac\n}\n\n";
  out += fn + "() {\n";
  out +=
      R"(  local cur=${COMP_WORDS[COMP_CWORD]} prev='' opt cmd=NAME subs opts values files dirs w i
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  FN_spec "$cmd"
  # The command path so far: subcommand names, skipping option values ("--schema x",
  # "--schema=x", which bash splits at '=' into three words).
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ " $subs " == *" $w "* ]]; then
      cmd="$cmd $w"
      FN_spec "$cmd"
    elif [[ " $values " == *" $w "* ]]; then
      if [[ ${COMP_WORDS[i + 1]} == = ]]; then ((i += 2)); else ((i += 1)); fi
    fi
  done
  opt=$prev
  if [[ $cur == = ]]; then
    cur=''
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    opt=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  if [[ " $values " == *" $opt "* ]]; then
    COMPREPLY=()
    if [[ " $dirs " == *" $opt "* ]]; then
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    elif [[ " $files " == *" $opt "* ]]; then
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return 0
  fi
  if [[ $cur == -* || -z $subs ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
  fi
  return 0
}

complete -F FN NAME
)";
  out = replace_all(replace_all(out, "FN", fn), "cmd=NAME", "cmd=" + sh_quote(name));
  return replace_all(out, "complete -F " + fn + " NAME",
                     "complete -F " + fn + " " + sh_quote(name));
}

std::string zsh_completion(const CLI::App& app) {
  const CommandDoc root = describe(app);
  const std::string& name = root.path.front();
  const std::string fn = function_name(root);
  std::string out = "#compdef " + name + "\n# zsh completion for " + name + "; generated by " +
                    name + "-docgen from " + name + "'s command tree; do not edit.\n\n";
  for (const CommandDoc* c : root.all())
    out += zsh_function(*c);
  // Autoloaded from fpath (compinit runs the file as the function): complete. Sourced: register.
  out += "if [[ \"$funcstack[1]\" == " + sh_quote(fn) + " ]]; then\n  " + fn +
         " \"$@\"\nelse\n  compdef " + fn + " " + sh_quote(name) + "\nfi\n";
  return out;
}

std::string fish_completion(const CLI::App& app) {
  const CommandDoc root = describe(app);
  const std::string& name = root.path.front();
  const std::string fn = "__" + replace_all(function_name(root), "_", "") + "_";
  std::string out = "# fish completion for " + name + "; generated by " + name + "-docgen from " +
                    name + "'s command tree; do not edit.\n\n";
  out += fish_table(fn + "subcommands", root, subcommand_names);
  out += fish_table(fn + "value_options", root, [](const CommandDoc& c) {
    return spellings_where(c, [](const OptionDoc& o) { return o.value != ValueKind::kNone; });
  });
  // The command path typed so far, option values skipped (as `--schema x` or `--schema=x`).
  out += "function " + fn + "command\n    set -l words (commandline -opc)\n    set -e words[1]\n" +
         "    set -l path\n    set -l skip 0\n    for word in $words\n" +
         "        if test $skip = 1\n            set skip 0\n" +
         "        else if contains -- $word (" + fn + "subcommands $path)\n" +
         "            set -a path $word\n" + "        else if contains -- $word (" + fn +
         "value_options $path)\n" +
         "            set skip 1\n        end\n    end\n    echo \"$path\"\nend\n\n";
  out += "function " + fn + "at\n    set -l path (" + fn +
         "command)\n    test \"$path\" = \"$argv\"\nend\n\n";
  out += "complete -c " + fish_quote(name) + " -f\n";
  for (const CommandDoc* c : root.all()) {
    const std::string cond = " -n " + fish_quote(fn + "at " + fish_quote(sub_path(*c)));
    for (const auto& s : c->subcommands)
      out += "complete -c " + fish_quote(name) + cond + " -a " + fish_quote(s.path.back()) +
             " -d " + fish_quote(summary(s.description)) + "\n";
    for (const auto& o : c->options) {
      out += "complete -c " + fish_quote(name) + cond;
      for (const auto& s : o.short_names)
        out += " -s " + fish_quote(s);
      for (const auto& l : o.long_names)
        out += " -l " + fish_quote(l);
      if (o.value == ValueKind::kFile) out += " -r -F";
      if (o.value == ValueKind::kDir) out += " -x -a '(__fish_complete_directories)'";
      if (o.value == ValueKind::kText) out += " -x";
      out += " -d " + fish_quote(summary(o.description)) + "\n";
    }
  }
  return out;
}

}  // namespace godwit::cli::docgen
