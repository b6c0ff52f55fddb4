#pragma once

#include <string>
#include <vector>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct ValidateOptions {
  std::vector<std::string> rules;  // --rule, repeatable; empty: all
  int samples = 10;                // --samples
};

// Runs the data-quality rules and stores their results. Exit 1 when an
// error-severity rule finds anything. Counts: run_id, rules
// (name -> severity, count, status, samples), errors and warnings (how many
// error / warning rules found something; info rules are not counted).
core::ExitCode validate_command(RunContext& ctx, const ValidateOptions& options);

}  // namespace tshsync::app
