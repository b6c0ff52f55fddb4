// The Prometheus textfile a run leaves for node_exporter (metrics_output.hpp).
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include <tshsync/app/build_info.hpp>
#include <tshsync/app/metrics_output.hpp>
#include <tshsync/util/files.hpp>

namespace tshsync::app {

namespace {

double previous_last_success(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return 0;
  try {
    static const std::regex line(R"(^tshsync_last_success_timestamp_seconds\{[^}]*\} ([0-9.eE+-]+)$)");
    const std::string text = util::read_file(path);
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

std::string header(const char* name, const char* help) {
  return fmt::format("# HELP {0} {1}\n# TYPE {0} gauge\n", name, help);
}

std::string metric(const char* name, const char* help, const std::string& command, double value) {
  return header(name, help) + fmt::format("{}{{command=\"{}\"}} {:.3f}\n", name, command, value);
}

// Label values are our own names; escape anyway as the format asks.
std::string label_value(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Every top-level number or boolean the run reported (fetched, failed, api_calls, ...).
std::string count_gauges(const core::RunOutcome& o) {
  std::string samples;
  for (const auto& [key, value] : o.report.counts().items()) {
    if (!value.is_number() && !value.is_boolean()) continue;
    const double v = value.is_boolean() ? (value.get<bool>() ? 1.0 : 0.0) : value.get<double>();
    samples +=
        fmt::format("tshsync_last_run_counts{{command=\"{}\",count=\"{}\"}} {}\n", o.command, label_value(key), v);
  }
  if (samples.empty()) return samples;
  return header("tshsync_last_run_counts",
                "A count the last run reported (the keys of its metrics line, see tshsync(1)).") +
         samples;
}

std::string build_info_gauge() {
  const BuildInfo info = build_info();
  return header("tshsync_build_info", "The tshsync build that wrote this file; always 1.") +
         fmt::format("tshsync_build_info{{version=\"{}\",revision=\"{}\",schema_version=\"{}\"}} 1\n",
                     label_value(info.version), label_value(info.revision), info.schema_version);
}

// A run skipped because another held the lock did not run: the run gauges
// stay those of the last real run, and the skip has its own.
void write_skip_textfile(const std::filesystem::path& dir, const core::RunOutcome& o) {
  const double now = o.started_at + o.duration_seconds;
  const std::string text = metric(
      "tshsync_last_skipped_timestamp_seconds",
      "When a run of the command last found another holding its lock and skipped (epoch seconds).", o.command, now);
  util::write_file_atomically(dir / ("tshsync_" + o.command + "_skipped.prom"), text, 0644);
}

}  // namespace

void write_prometheus_textfile(const std::string& dir, const core::RunOutcome& o) {
  if (o.status == core::RunStatus::skipped) {
    write_skip_textfile(dir, o);
    return;
  }
  const std::filesystem::path path = std::filesystem::path(dir) / ("tshsync_" + o.command + ".prom");
  const double now = o.started_at + o.duration_seconds;
  double last_success = previous_last_success(path);
  if (o.exit_code == core::ExitCode::success && o.marks_success) last_success = now;
  std::string text;
  text += metric("tshsync_last_run_timestamp_seconds", "When the last run of the command ended (epoch seconds).",
                 o.command, now);
  text += metric("tshsync_last_success_timestamp_seconds",
                 "When the command last ended with exit code 0, dry runs not counted (epoch seconds); 0 if never.",
                 o.command, last_success);
  text += metric("tshsync_last_run_duration_seconds", "How long the last run took.", o.command, o.duration_seconds);
  text += metric("tshsync_last_run_exit_code", "The exit code of the last run (see tshsync(1)).", o.command,
                 core::to_int(o.exit_code));
  text += count_gauges(o);
  text += build_info_gauge();
  util::write_file_atomically(path, text, 0644);
}

}  // namespace tshsync::app
