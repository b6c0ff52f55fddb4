#include <tshsync/core/log_line_format.hpp>

#include <cstdlib>

#include <tshsync/util/time_format.hpp>

namespace tshsync::core {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::error:
      return "error";
    case Level::warning:
      return "warning";
    case Level::notice:
      return "notice";
    case Level::info:
      return "info";
    case Level::debug:
      return "debug";
  }
  return "info";
}

Level level_from_prefix(std::string_view prefix) {
  if (prefix.rfind("error", 0) == 0) return Level::error;
  if (prefix.rfind("warning", 0) == 0) return Level::warning;
  if (prefix.rfind("notice", 0) == 0) return Level::notice;
  if (prefix.rfind("debug", 0) == 0) return Level::debug;
  return Level::info;
}

LogStyle current_log_style() {
  static const LogStyle style = [] {
    const char* journal = std::getenv("JOURNAL_STREAM");
    if (journal != nullptr && *journal != '\0') return LogStyle::journal;
    return stderr_is_terminal() ? LogStyle::terminal : LogStyle::timestamped;
  }();
  return style;
}

std::string format_log_line(Level level, std::string_view message, LogStyle style,
                            std::chrono::system_clock::time_point now) {
  std::string line;
  if (style == LogStyle::journal) line = "<" + std::to_string(static_cast<int>(level)) + ">";
  if (style == LogStyle::timestamped) line = util::format_utc_iso8601(now) + " ";
  line += "tshsync: ";
  // A person at a terminal reads plain progress lines; logs keep every level.
  if (style != LogStyle::terminal || (level != Level::info && level != Level::debug)) {
    line += level_name(level);
    line += ": ";
  }
  line += message;
  return line;
}

}  // namespace tshsync::core
