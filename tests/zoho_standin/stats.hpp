#pragma once

#include "clock.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <deque>

namespace zoho_standin {

enum class EndpointKind { token, items_list, item_get, itemdetails, pricebooks_list, pricebook_get, other };
constexpr std::size_t endpoint_kind_count = 7;

// Request counters for /_admin/stats. Reset by POST /_admin/stats/reset; the limits themselves
// (rate window, token mints) live elsewhere and are not reset with them.
class Stats {
 public:
  void count_request(EndpointKind kind) { ++by_kind_[static_cast<std::size_t>(kind)]; }
  void count_token_mint() { ++token_mints_; }
  void count_token_refused(bool throttled);
  void count_unauthorized() { ++unauthorized_; }
  void count_rejected_429() { ++rejected_429_; }
  void count_fault() { ++faults_fired_; }
  // A request that passed the rate limiter.
  void count_accepted(SteadyTime now);

  nlohmann::ordered_json to_json() const;
  void reset() { *this = Stats{}; }

 private:
  std::array<long, endpoint_kind_count> by_kind_{};
  long token_mints_ = 0;
  long token_refused_ = 0;
  long token_throttled_ = 0;
  long unauthorized_ = 0;
  long rejected_429_ = 0;
  long faults_fired_ = 0;
  long accepted_ = 0;
  std::deque<SteadyTime> last_minute_;
  std::size_t max_in_any_minute_ = 0;
};

}  // namespace zoho_standin
