#include <tshsync/zoho/pause.hpp>

#include <algorithm>
#include <random>
#include <thread>

#include <tshsync/http/http_client.hpp>

namespace tshsync::zoho {

void throw_if_cancelled(const std::atomic<bool>* cancel, const std::string& what) {
  if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
    throw http::TransportError(http::TransportError::Kind::cancelled, "cancelled " + what);
  }
}

void pause(std::chrono::milliseconds duration, const std::atomic<bool>* cancel, const std::string& what) {
  constexpr std::chrono::milliseconds slice{100};
  while (duration > std::chrono::milliseconds(0)) {
    throw_if_cancelled(cancel, what);
    const auto step = std::min(duration, slice);
    std::this_thread::sleep_for(step);
    duration -= step;
  }
  throw_if_cancelled(cancel, what);
}

double jitter_unit() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

}  // namespace tshsync::zoho
