#include <tshsync/app/query_canceller.hpp>

#include <chrono>

#include <pqxx/pqxx>

namespace tshsync::app {

QueryCanceller::QueryCanceller(pqxx::connection& conn, const core::CancelToken& cancel)
    : conn_(conn), cancel_(cancel), watcher_([this] { watch(); }) {}

QueryCanceller::~QueryCanceller() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  stop_signal_.notify_all();
  watcher_.join();
}

void QueryCanceller::watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    stop_signal_.wait_for(lock, std::chrono::milliseconds(100));
    if (stop_ || !cancel_.requested()) continue;
    try {
      // Harmless when no statement runs; repeated in case one starts later.
      conn_.cancel_query();
    } catch (const std::exception&) {
      // the connection is gone: the main thread notices on its own
    }
    stop_signal_.wait_for(lock, std::chrono::milliseconds(400));
  }
}

}  // namespace tshsync::app
