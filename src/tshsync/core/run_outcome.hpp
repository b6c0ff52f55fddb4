#pragma once

#include <string>

#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/run_report.hpp>

namespace tshsync::core {

// How a run ended, as the metrics line says it ("status").
enum class RunStatus { success, problems, partial, skipped, failed };

std::string to_string(RunStatus status);  // "success", ...

// What one finished run was: the metrics line is written from it, and alerts
// and healthchecks pings read the same typed fields.
struct RunOutcome {
  std::string command;
  RunStatus status = RunStatus::success;
  ExitCode exit_code = ExitCode::success;
  double started_at = 0;  // epoch seconds
  double duration_seconds = 0;
  std::string error;  // one line, redacted
  RunReport report;   // its counts, and the typed ones alerts read
  // False for dry runs and verify-signature: their exit 0 is no sync success.
  bool marks_success = true;
};

}  // namespace tshsync::core
