#include <tshsync/app/metrics_output.hpp>

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include <tshsync/core/log.hpp>
#include <tshsync/core/log_notice.hpp>
#include <tshsync/util/files.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/util/time_format.hpp>

namespace tshsync::app {

std::string metrics_line(const core::RunOutcome& o) {
  nlohmann::json line = o.report.counts();
  const auto started = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(o.started_at)));
  line["ts"] = util::format_utc_iso8601(started);
  line["command"] = o.command;
  line["status"] = core::to_string(o.status);
  line["exit_code"] = core::to_int(o.exit_code);
  line["duration_seconds"] = static_cast<double>(static_cast<long long>(o.duration_seconds * 1000)) / 1000.0;
  if (!o.error.empty()) line["error"] = o.error;
  return util::redact(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// A metrics file that cannot be written is said even under -q (a notice):
// otherwise monitoring goes blind and nobody is told.
void emit_metrics(const core::MetricsConfig& config, const core::RunOutcome& outcome) {
  const std::string line = metrics_line(outcome);
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);
  if (!config.jsonl_path.empty()) {
    try {
      util::append_line(config.jsonl_path, line);
    } catch (const std::exception& e) {
      core::log_notice("could not append the metrics line: {}", e.what());
    }
  }
  if (!config.textfile_dir.empty()) {
    try {
      write_prometheus_textfile(config.textfile_dir, outcome);
    } catch (const std::exception& e) {
      core::log_notice("could not write the Prometheus textfile: {}", e.what());
    }
  }
}

}  // namespace tshsync::app
