#include <tshsync/app/cancellation.hpp>

#include <csignal>
#include <string>

#include <tshsync/core/error.hpp>

namespace tshsync::app {

namespace {
std::atomic<bool> g_cancel{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int sig) {
  if (g_cancel.load()) {
    // Second signal: the operator means it.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_signal = sig;
  g_cancel.store(true);
}
}  // namespace

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR and notice the flag
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGHUP, &action, nullptr);  // a closed terminal or a cron reload: end like SIGTERM
  std::signal(SIGPIPE, SIG_IGN);
}

const std::atomic<bool>& cancel_flag() { return g_cancel; }

void throw_if_cancelled() {
  if (!g_cancel.load()) return;
  const int sig = g_signal == 0 ? SIGTERM : static_cast<int>(g_signal);
  // SIGHUP ends the run as SIGTERM does, with its exit code (143).
  const int code = sig == SIGHUP ? SIGTERM : sig;
  throw core::Error(static_cast<core::ExitCode>(128 + code),
                    std::string("interrupted by ") + (sig == SIGINT ? "SIGINT" : sig == SIGHUP ? "SIGHUP" : "SIGTERM"));
}

}  // namespace tshsync::app
