#include "signal_stop.hpp"

#include <pthread.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace zoho_standin {
namespace {

// SIGUSR1 only wakes the waiter when the server ends by itself.
sigset_t handled_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGUSR1);
  return set;
}

}  // namespace

SignalStop::SignalStop() {
  const sigset_t set = handled_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

void SignalStop::watch(httplib::Server& server) {
  waiter_ = std::thread([this, &server] {
    const sigset_t set = handled_signals();
    int signal = 0;
    sigwait(&set, &signal);
    // stop() does nothing before listen() has started, so keep asking until it has ended.
    // listen() then waits for workers holding idle keep-alive connections (up to 5 s); the
    // state is in memory only, so after a grace period exit without them.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (!server_done_) {
      server.stop();
      if (std::chrono::steady_clock::now() > deadline) {
        std::fflush(stderr);
        std::_Exit(0);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

void SignalStop::finish() {
  server_done_ = true;
  if (waiter_.joinable()) {
    pthread_kill(waiter_.native_handle(), SIGUSR1);
    waiter_.join();
  }
}

SignalStop::~SignalStop() { finish(); }

}  // namespace zoho_standin
