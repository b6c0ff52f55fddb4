#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

// Applies pending migrations (or lists them under --dry-run).
// Counts: from_version, to_version, applied.
core::ExitCode migrate_command(RunContext& ctx);

}  // namespace tshsync::app
