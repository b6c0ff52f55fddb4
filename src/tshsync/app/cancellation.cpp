#include <tshsync/app/cancellation.hpp>

#include <csignal>

namespace tshsync::app {

namespace {
core::CancelToken g_cancel;

extern "C" void on_signal(int sig) {
  if (g_cancel.requested()) {
    // Second signal: the operator means it.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_cancel.request(sig);
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

const core::CancelToken& cancel_flag() { return g_cancel; }

void throw_if_cancelled() { g_cancel.throw_if_requested(); }

}  // namespace tshsync::app
