#pragma once

#include <chrono>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct FixStuckCommandOptions {
  std::chrono::seconds older_than{std::chrono::hours(1)};
};

// Fails sync_logs rows stuck in_progress (or lists them under --dry-run).
// Counts: fixed, by_type, left_running.
core::ExitCode fix_stuck_command(RunContext& ctx, const FixStuckCommandOptions& options);

}  // namespace tshsync::app
