#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include <tshsync/core/config.hpp>

namespace tshsync::app {

struct RunOutcome {
  std::string command;
  std::string status;  // success, problems, partial, skipped, failed
  int exit_code = 0;
  double started_at = 0;  // epoch seconds
  double duration_seconds = 0;
  std::string error;  // one line, redacted
  nlohmann::json counts = nlohmann::json::object();
  // False for dry runs and verify-signature: their exit 0 is no sync success.
  bool marks_success = true;
};

// The one JSON object line a run prints on stdout (and appends to
// [metrics].jsonl_path). Counts are top-level keys; the fixed keys win.
std::string metrics_line(const RunOutcome& outcome);

// Writes <textfile_dir>/tshsync_<command>.prom atomically for node_exporter's
// textfile collector (prometheus_textfile.cpp): the run's gauges, its numeric
// counts, tshsync_build_info. The last success timestamp survives failed runs,
// dry runs and verify-signature. A run skipped for the lock leaves that file
// alone and writes tshsync_<command>_skipped.prom instead.
void write_prometheus_textfile(const std::string& dir, const RunOutcome& outcome);

// Both outputs; a failure to write a metrics file is a warning, never a
// change of the run's outcome.
void emit_metrics(const core::MetricsConfig& config, const RunOutcome& outcome);

}  // namespace tshsync::app
