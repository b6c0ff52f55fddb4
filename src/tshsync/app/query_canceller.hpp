#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/cancel_token.hpp>

namespace tshsync::app {

// While it lives, a signal (the cancel flag) also cancels the statement the
// connection is waiting on: a run blocked behind another session's lock ends
// at SIGTERM instead of at lock_timeout. A thread watches the flag, because
// libpq retries its wait when a signal interrupts it.
class QueryCanceller {
 public:
  QueryCanceller(pqxx::connection& conn, const core::CancelToken& cancel);
  ~QueryCanceller();
  QueryCanceller(const QueryCanceller&) = delete;
  QueryCanceller& operator=(const QueryCanceller&) = delete;

 private:
  void watch();

  pqxx::connection& conn_;
  const core::CancelToken& cancel_;
  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  std::thread watcher_;
};

}  // namespace tshsync::app
