#pragma once

#include <chrono>
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

// Adds every subcommand, in --help order (the table is cli/commands.cpp).
void set_commands(CLI::App& app, Shared& shared);

// One per cli/<name>.cpp: the subcommand, its options bound straight into the
// options its command takes, and the callback that runs it.
void set_migrate_command(CLI::App& app, Shared& shared);
void set_pull_products_command(CLI::App& app, Shared& shared);
void set_pull_stock_command(CLI::App& app, Shared& shared);
void set_pull_prices_command(CLI::App& app, Shared& shared);
void set_fix_stuck_command(CLI::App& app, Shared& shared);
void set_backfill_prices_command(CLI::App& app, Shared& shared);
void set_validate_command(CLI::App& app, Shared& shared);
void set_archive_logs_command(CLI::App& app, Shared& shared);
void set_health_command(CLI::App& app, Shared& shared);
void set_replay_dlq_command(CLI::App& app, Shared& shared);
void set_verify_signature_command(CLI::App& app, Shared& shared);
void set_status_command(CLI::App& app, Shared& shared);
void set_check_command(CLI::App& app, Shared& shared);

// Validates "30s", "15m", "1h", "90d" at parse time (exit 64 otherwise).
CLI::Validator duration_validator();

// A duration option ("90d") parsed straight into `target`, whose value is the
// default --help shows.
CLI::Option* add_duration_option(CLI::App& cmd, const std::string& name, std::chrono::seconds& target,
                                 const std::string& description);

}  // namespace tshsync::cli
