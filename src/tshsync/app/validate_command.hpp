#pragma once

#include <tshsync/app/command_runner.hpp>
#include <tshsync/checks/validate.hpp>

namespace tshsync::app {

// Runs the data-quality rules and stores their results. Exit 1 when an
// error-severity rule finds anything. Counts: run_id, rules
// (name -> severity, count, status, samples), errors and warnings (how many
// error / warning rules found something; info rules are not counted).
core::ExitCode validate_command(RunContext& ctx, const checks::ValidateOptions& options);

}  // namespace tshsync::app
