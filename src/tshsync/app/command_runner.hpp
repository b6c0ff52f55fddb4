#pragma once

#include <functional>
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include <tshsync/app/command_spec.hpp>
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
