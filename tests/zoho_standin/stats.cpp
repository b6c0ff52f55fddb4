#include "stats.hpp"

#include <algorithm>
#include <numeric>

namespace zoho_standin {

void Stats::count_token_refused(bool throttled) {
  ++token_refused_;
  token_throttled_ += throttled ? 1 : 0;
}

void Stats::count_accepted(SteadyTime now) {
  ++accepted_;
  // Every 60-second window that holds the most requests ends at some request, so checking the
  // window ending at each one finds the maximum.
  last_minute_.push_back(now);
  while (last_minute_.front() + std::chrono::seconds(60) <= now) {
    last_minute_.pop_front();
  }
  max_in_any_minute_ = std::max(max_in_any_minute_, last_minute_.size());
}

nlohmann::ordered_json Stats::to_json() const {
  static constexpr const char* kind_names[endpoint_kind_count] = {
      "token", "items_list", "item_get", "itemdetails", "pricebooks_list", "pricebook_get", "other"};
  nlohmann::ordered_json by_kind = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < endpoint_kind_count; ++i) {
    by_kind[kind_names[i]] = by_kind_[i];
  }
  const long total = std::accumulate(by_kind_.begin(), by_kind_.end(), 0L);
  const long token = by_kind_[static_cast<std::size_t>(EndpointKind::token)];
  return {{"total_requests", total},
          {"api_requests", total - token},
          {"by_endpoint", by_kind},
          {"token_mints", token_mints_},
          {"token_refused", token_refused_},
          {"token_throttled", token_throttled_},
          {"unauthorized", unauthorized_},
          {"rejected_429", rejected_429_},
          {"faults_fired", faults_fired_},
          {"accepted_requests", accepted_},
          {"max_requests_in_any_60s", max_in_any_minute_}};
}

}  // namespace zoho_standin
