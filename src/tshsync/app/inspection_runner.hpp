#pragma once

#include <functional>
#include <string>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

// For status and check: they look and change nothing, so they take no lock,
// keep no sync_logs row, ping no healthchecks and write no metrics files (an
// operator looking must not clear a failing check). The metrics line still
// ends stdout. The body loads the configuration and connects itself (check
// reports a broken configuration instead of stopping at it).
using InspectionBody = std::function<core::ExitCode(const core::ConfigSources&, core::RunReport&)>;
int run_inspection(const GlobalOptions& global, const std::string& name, const InspectionBody& body);

}  // namespace tshsync::app
