#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace tshsync::cli {

// The first word of the command line that is not an option, when it names no
// subcommand: "unknown command 'pull-product'; did you mean 'pull-products'?".
// CLI11 alone would only say "A subcommand is required".
std::optional<std::string> unknown_command_message(const CLI::App& app, const std::vector<std::string>& args);

// The subcommand name nearest to `word` (edit distance), when it is near enough.
std::optional<std::string> nearest_command(const std::string& word, const std::vector<std::string>& names);

}  // namespace tshsync::cli
