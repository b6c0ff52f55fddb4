#pragma once

#include <atomic>

namespace tshsync::core {

// The one cancellation type. A signal handler raises it (SIGTERM, SIGINT,
// SIGHUP); every long loop, wait and HTTP transfer reads it, so the run can
// roll back its open transaction and close its sync_logs row as failed.
class CancelToken {
 public:
  // Async-signal-safe: both members are lock-free atomics.
  void request(int signal_number) noexcept {
    signal_.store(signal_number);
    requested_.store(true);
  }
  // Raised by code rather than a signal (tests, a stop asked by the caller): ends as SIGTERM would.
  void request() noexcept { requested_.store(true); }

  bool requested() const noexcept { return requested_.load(); }

  // The exit code the run ends with: 128 + the signal; SIGHUP and a raise
  // without a signal end as SIGTERM (143).
  int exit_code() const noexcept;
  // "SIGINT", "SIGHUP" or "SIGTERM".
  const char* signal_name() const noexcept;

  // Ends the run: throws core::Error("interrupted by SIGTERM", exit_code()) when raised.
  void throw_if_requested() const;

 private:
  std::atomic<bool> requested_{false};
  std::atomic<int> signal_{0};
};

}  // namespace tshsync::core
