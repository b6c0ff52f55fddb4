#pragma once

#include <tshsync/app/command_runner.hpp>
#include <tshsync/repair/fix_stuck.hpp>

namespace tshsync::app {

// Fails sync_logs rows stuck in_progress (or lists them under --dry-run).
// Counts: fixed, by_type, left_running.
core::ExitCode fix_stuck_command(RunContext& ctx, repair::FixStuckOptions options);

}  // namespace tshsync::app
