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
};

// The one JSON object line a run prints on stdout (and appends to
// [metrics].jsonl_path). Counts are top-level keys; the fixed keys win.
std::string metrics_line(const RunOutcome& outcome);

// Writes <textfile_dir>/tshsync_<command>.prom atomically for node_exporter's
// textfile collector. The last success timestamp survives failed runs.
void write_prometheus_textfile(const std::string& dir, const RunOutcome& outcome);

// Both outputs; a failure to write a metrics file is a warning, never a
// change of the run's outcome.
void emit_metrics(const core::MetricsConfig& config, const RunOutcome& outcome);

}  // namespace tshsync::app
