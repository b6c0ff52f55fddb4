#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <tshsync/core/log.hpp>

namespace tshsync::core {

// syslog(3) priorities, which journald reads from a "<N>" line prefix.
enum class Level { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// write_log's level argument ("warning: ", "error: ", "notice: ", "" for info).
Level level_from_prefix(std::string_view prefix);

// Where stderr goes decides how a log line looks (see write_log).
enum class LogStyle { terminal, journal, timestamped };

// journal when JOURNAL_STREAM is set (systemd connected stderr to journald),
// terminal when stderr is a tty, timestamped otherwise (cron mail, log files).
LogStyle current_log_style();

// How a line looks:
//   terminal ............ "tshsync: warning: text" (info lines without a level)
//   JOURNAL_STREAM set .. "<4>tshsync: warning: text" (journald keeps the time)
//   otherwise ........... "2026-11-30T10:25:28Z tshsync: warning: text"
std::string format_log_line(Level level, std::string_view message, LogStyle style,
                            std::chrono::system_clock::time_point now);

std::string_view level_name(Level level);

}  // namespace tshsync::core
