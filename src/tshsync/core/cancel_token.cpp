#include <tshsync/core/cancel_token.hpp>

#include <csignal>
#include <string>

#include <tshsync/core/error.hpp>

namespace tshsync::core {

int CancelToken::exit_code() const noexcept {
  const int sig = signal_.load();
  return 128 + (sig == SIGINT ? SIGINT : SIGTERM);
}

const char* CancelToken::signal_name() const noexcept {
  const int sig = signal_.load();
  return sig == SIGINT ? "SIGINT" : sig == SIGHUP ? "SIGHUP" : "SIGTERM";
}

void CancelToken::throw_if_requested() const {
  if (!requested()) return;
  throw Error(static_cast<ExitCode>(exit_code()), std::string("interrupted by ") + signal_name());
}

}  // namespace tshsync::core
