#pragma once

#include <functional>
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include <tshsync/core/config.hpp>
#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/run_report.hpp>

namespace tshsync::app {

// Options every subcommand accepts.
struct GlobalOptions {
  std::optional<std::string> config_path;
  std::optional<std::string> dsn;
  bool quiet = false;
  bool verbose = false;
};

// How the runner treats a command.
struct CommandSpec {
  std::string name;          // "fix-stuck": lock key, metrics "command", sync_logs type
  bool writes = true;        // takes its advisory lock (not under --dry-run)
  bool uses_ledger = false;  // keeps a sync_logs row (not under --dry-run)
  bool needs_schema = true;  // refuses to run on a database migrate has not brought up to date
  bool dry_run = false;
};

// What a command body gets.
struct RunContext {
  const core::Config& config;
  pqxx::connection& db;
  core::RunReport& report;
  bool dry_run;
};

using CommandBody = std::function<core::ExitCode(RunContext&)>;

// The one place a run is set up and torn down: configuration, connection,
// lock, sync_logs row, signals, error-to-exit-code mapping, the metrics line.
// Returns the process exit code.
int run_command(const GlobalOptions& global, const CommandSpec& spec, const CommandBody& body);

// For commands that need neither database nor lock (verify-signature).
int run_offline_command(const GlobalOptions& global, const std::string& name,
                        const std::function<core::ExitCode(const core::Config&, core::RunReport&)>& body);

}  // namespace tshsync::app
