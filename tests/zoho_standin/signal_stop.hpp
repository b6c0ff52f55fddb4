#pragma once

#include <httplib.h>

#include <atomic>
#include <thread>

namespace zoho_standin {

// Stops the server on SIGTERM or SIGINT. Construct it before any other thread starts: it
// blocks those signals so that only its own thread, waiting in sigwait, receives them.
class SignalStop {
 public:
  SignalStop();
  ~SignalStop();
  SignalStop(const SignalStop&) = delete;
  SignalStop& operator=(const SignalStop&) = delete;

  // Starts waiting for a signal; `server` must outlive finish().
  void watch(httplib::Server& server);
  // Call once listen() has returned: stops waiting and joins the waiting thread.
  void finish();

 private:
  std::thread waiter_;
  std::atomic<bool> server_done_{false};
};

}  // namespace zoho_standin
