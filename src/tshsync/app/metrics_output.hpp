#pragma once

#include <string>

#include <tshsync/core/config.hpp>
#include <tshsync/core/run_outcome.hpp>

namespace tshsync::app {

// The one JSON object line a run prints on stdout (and appends to
// [metrics].jsonl_path). Counts are top-level keys; the fixed keys win.
std::string metrics_line(const core::RunOutcome& outcome);

// Writes <textfile_dir>/tshsync_<command>.prom atomically for node_exporter's
// textfile collector (prometheus_textfile.cpp): the run's gauges, its numeric
// counts, tshsync_build_info. The last success timestamp survives failed runs,
// dry runs and verify-signature. A run skipped for the lock leaves that file
// alone and writes tshsync_<command>_skipped.prom instead.
void write_prometheus_textfile(const std::string& dir, const core::RunOutcome& outcome);

// Both outputs; a failure to write a metrics file is a warning, never a
// change of the run's outcome.
void emit_metrics(const core::MetricsConfig& config, const core::RunOutcome& outcome);

}  // namespace tshsync::app
