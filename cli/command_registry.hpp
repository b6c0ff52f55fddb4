#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::cli {

// What the subcommands share: the global options and the exit code the
// chosen subcommand's callback leaves for main().
struct Shared {
  app::GlobalOptions global;
  int exit_code = 0;
  std::string chosen;  // the subcommand name, for usage-error metrics
};

using CommandSetup = std::function<void(CLI::App& app, Shared& shared)>;

// Each cli/<command>.cpp registers itself; `order` sets its place in --help.
bool register_command(int order, CommandSetup setup);
void setup_all_commands(CLI::App& app, Shared& shared);

// Validates "30s", "15m", "1h", "90d" at parse time (exit 64 otherwise).
CLI::Validator duration_validator();

}  // namespace tshsync::cli
