#include <tshsync/core/log.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

#include <unistd.h>

#include <tshsync/core/log_line_format.hpp>
#include <tshsync/util/redact.hpp>

namespace tshsync::core {

namespace {
std::atomic<Verbosity> g_verbosity{Verbosity::normal};
std::mutex g_write_mutex;

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void set_verbosity(Verbosity v) { g_verbosity = v; }
Verbosity verbosity() { return g_verbosity; }

bool stderr_is_terminal() {
  static const bool tty = ::isatty(STDERR_FILENO) == 1;
  return tty;
}

void write_log(std::string_view level, std::string_view message) {
  const std::string line = format_log_line(level_from_prefix(level), util::redact(message), current_log_style(),
                                           std::chrono::system_clock::now()) +
                           "\n";
  std::lock_guard lock(g_write_mutex);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void Progress::update(std::string_view text) {
  if (verbosity() == Verbosity::quiet || !stderr_is_terminal()) return;
  const double now = now_seconds();
  if (shown_ && now - last_update_ < 0.1) return;  // a terminal needs no more than 10 frames a second
  last_update_ = now;
  shown_ = true;
  std::lock_guard lock(g_write_mutex);
  std::fprintf(stderr, "\r\033[K%s", util::redact(text).c_str());
  std::fflush(stderr);
}

void Progress::finish() {
  if (!shown_) return;
  shown_ = false;
  std::lock_guard lock(g_write_mutex);
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

}  // namespace tshsync::core
