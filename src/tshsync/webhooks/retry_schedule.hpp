#pragma once

#include <chrono>

namespace tshsync::webhooks {

// The wait before a dead letter's next attempt after its `failures`-th failed
// one (1-based): 2m, 10m, 30m, 1h, 2h, 4h, 8h, 12h, then 24h, each spread by
// +-20% (jitter_unit drawn from U(0, 1)) so entries that failed together do
// not all come back together. The first retry comes within minutes; ten
// attempts span about two days, long enough to outlast a weekend outage of a
// receiver without giving up on the first day.
std::chrono::seconds retry_delay(int failures, double jitter_unit);

// True when `failures` attempts have used up the allowance.
bool attempts_exhausted(int failures, int max_attempts);

}  // namespace tshsync::webhooks
