#include <tshsync/webhooks/retry_schedule.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace tshsync::webhooks {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<seconds, 9> kBaseDelays{minutes(2), minutes(10), minutes(30), hours(1), hours(2),
                                             hours(4),   hours(8),    hours(12),   hours(24)};

}  // namespace

seconds retry_delay(int failures, double jitter_unit) {
  const size_t index = static_cast<size_t>(std::clamp(failures, 1, static_cast<int>(kBaseDelays.size())) - 1);
  const double spread = 0.8 + 0.4 * std::clamp(jitter_unit, 0.0, 1.0);
  return seconds(std::llround(static_cast<double>(kBaseDelays[index].count()) * spread));
}

bool attempts_exhausted(int failures, int max_attempts) { return failures >= max_attempts; }

}  // namespace tshsync::webhooks
