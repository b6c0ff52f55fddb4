#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace tshsync::core {

// Human messages go to stderr (stdout carries only the metrics line). Every
// message is redacted before it is written. Under --quiet only errors remain;
// progress lines appear only when stderr is a terminal.
enum class Verbosity { quiet, normal, verbose };

void set_verbosity(Verbosity v);
Verbosity verbosity();
bool stderr_is_terminal();

void write_log(std::string_view level, std::string_view message);

template <typename... Args>
void log_info(fmt::format_string<Args...> f, Args&&... args) {
  if (verbosity() != Verbosity::quiet) write_log("", fmt::format(f, std::forward<Args>(args)...));
}

template <typename... Args>
void log_verbose(fmt::format_string<Args...> f, Args&&... args) {
  if (verbosity() == Verbosity::verbose) write_log("", fmt::format(f, std::forward<Args>(args)...));
}

template <typename... Args>
void log_warn(fmt::format_string<Args...> f, Args&&... args) {
  if (verbosity() != Verbosity::quiet) write_log("warning: ", fmt::format(f, std::forward<Args>(args)...));
}

template <typename... Args>
void log_error(fmt::format_string<Args...> f, Args&&... args) {
  write_log("error: ", fmt::format(f, std::forward<Args>(args)...));
}

// A single self-overwriting status line on a terminal ("fetched 4,200 items");
// silent under cron. finish() clears it.
class Progress {
 public:
  void update(std::string_view text);
  void finish();
  ~Progress() { finish(); }

 private:
  bool shown_ = false;
  double last_update_ = 0;
};

}  // namespace tshsync::core
