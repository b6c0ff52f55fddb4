#include "cli/command_registry.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <tshsync/util/duration.hpp>

namespace tshsync::cli {

namespace {
std::vector<std::pair<int, CommandSetup>>& registry() {
  static std::vector<std::pair<int, CommandSetup>> all;
  return all;
}
}  // namespace

bool register_command(int order, CommandSetup setup) {
  registry().emplace_back(order, std::move(setup));
  return true;
}

void setup_all_commands(CLI::App& app, Shared& shared) {
  auto& all = registry();
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : all) setup(app, shared);
}

CLI::Validator duration_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          if (util::parse_duration(value).count() <= 0) return "a duration must be positive: '" + value + "'";
          return {};
        } catch (const std::invalid_argument& e) {
          return e.what();
        }
      },
      "DURATION", "duration");
}

}  // namespace tshsync::cli
