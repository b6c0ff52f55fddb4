#include "cli/command_suggestion.hpp"

#include <algorithm>

namespace tshsync::cli {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? size_t{0} : size_t{1})});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Global options that take a value in the next word.
bool takes_value(const std::string& arg) { return arg == "-c" || arg == "--config" || arg == "--dsn"; }

}  // namespace

std::optional<std::string> nearest_command(const std::string& word, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& name : names) {
    const bool prefix = name.rfind(word, 0) == 0 || word.rfind(name, 0) == 0;
    const size_t distance = prefix ? std::min<size_t>(1, edit_distance(word, name)) : edit_distance(word, name);
    if (distance < best_distance) {
      best_distance = distance;
      best = name;
    }
  }
  return best;
}

std::optional<std::string> unknown_command_message(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return std::nullopt;
    if (!arg.empty() && arg[0] == '-') {
      if (takes_value(arg)) ++i;
      continue;
    }
    if (std::find(names.begin(), names.end(), arg) != names.end()) return std::nullopt;
    const auto near = nearest_command(arg, names);
    if (near) return "unknown command '" + arg + "'; did you mean '" + *near + "'?";
    return "unknown command '" + arg + "'; 'tshsync --help' lists the commands";
  }
  return std::nullopt;
}

}  // namespace tshsync::cli
