#include <tshsync/app/metrics_output.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include <tshsync/core/log.hpp>
#include <tshsync/util/files.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/util/time_format.hpp>

namespace tshsync::app {

namespace {

double previous_last_success(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return 0;
  try {
    static const std::regex line(R"(^tshsync_last_success_timestamp_seconds\{[^}]*\} ([0-9.eE+-]+)$)");
    const std::string text = util::read_regular_file(path, 1 << 20);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string l = text.substr(start, end - start);
      std::smatch m;
      if (std::regex_match(l, m, line)) return std::stod(m[1].str());
      start = end + 1;
    }
  } catch (const std::exception&) {
  }
  return 0;
}

std::string metric(const char* name, const char* help, const std::string& command, double value) {
  return fmt::format("# HELP {0} {1}\n# TYPE {0} gauge\n{0}{{command=\"{2}\"}} {3}\n", name, help, command,
                     fmt::format("{:.3f}", value));
}

}  // namespace

std::string metrics_line(const RunOutcome& o) {
  nlohmann::json line = o.counts.is_object() ? o.counts : nlohmann::json::object();
  const auto started = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(o.started_at)));
  line["ts"] = util::format_utc_iso8601(started);
  line["command"] = o.command;
  line["status"] = o.status;
  line["exit_code"] = o.exit_code;
  line["duration_seconds"] = static_cast<double>(static_cast<long long>(o.duration_seconds * 1000)) / 1000.0;
  if (!o.error.empty()) line["error"] = o.error;
  return util::redact(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_prometheus_textfile(const std::string& dir, const RunOutcome& o) {
  const std::filesystem::path path = std::filesystem::path(dir) / ("tshsync_" + o.command + ".prom");
  const double now = o.started_at + o.duration_seconds;
  double last_success = previous_last_success(path);
  if (o.exit_code == 0) last_success = now;
  std::string text;
  text += metric("tshsync_last_run_timestamp_seconds", "When the last run of the command ended (epoch seconds).",
                 o.command, now);
  text += metric("tshsync_last_success_timestamp_seconds",
                 "When the command last ended with exit code 0 (epoch seconds); 0 if never.", o.command, last_success);
  text += metric("tshsync_last_run_duration_seconds", "How long the last run took.", o.command, o.duration_seconds);
  text += metric("tshsync_last_run_exit_code", "The exit code of the last run (see tshsync(1)).", o.command,
                 o.exit_code);
  util::write_file_atomically(path, text, 0644);
}

void emit_metrics(const core::MetricsConfig& config, const RunOutcome& outcome) {
  const std::string line = metrics_line(outcome);
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);
  if (!config.jsonl_path.empty()) {
    try {
      util::append_line(config.jsonl_path, line);
    } catch (const std::exception& e) {
      core::log_warn("could not append the metrics line: {}", e.what());
    }
  }
  if (!config.textfile_dir.empty()) {
    try {
      write_prometheus_textfile(config.textfile_dir, outcome);
    } catch (const std::exception& e) {
      core::log_warn("could not write the Prometheus textfile: {}", e.what());
    }
  }
}

}  // namespace tshsync::app
