#pragma once

#include <string>

#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/run_report.hpp>

namespace tshsync::app {

// One line saying why a run exited 1 (found problems) or 2 (partly failed),
// built from its report's typed fields (validate's rule verdicts, health's
// findings, as the alerts read them) or else its counts;
// what --quiet still prints, so cron mails it:
//   "validate found problems (exit 1): products_without_prices 20000 (error)"
//   "health found problems (exit 1): P1 signature_failures: 82 ...; P2 ..."
//   "pull-products partly failed (exit 2): 3 failed, 4197 fetched"
std::string run_summary_line(const std::string& command, core::ExitCode exit_code, const core::RunReport& report);

}  // namespace tshsync::app
