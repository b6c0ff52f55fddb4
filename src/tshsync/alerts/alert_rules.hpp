#pragma once

#include <vector>

#include <tshsync/alerts/alert.hpp>
#include <tshsync/core/run_outcome.hpp>

// Which chat alerts one finished run raises. Pure, so the table is unit tested:
//   exit 0 or 1 ........ none (1 is "ran and found problems": validate, health)
//   exit 2 ............. P3 "partly failed"
//   exit 75 ............ none: locked or rate-limited, the next scheduled run retries
//   exit 130, 143 ...... P3 "was interrupted"
//   any other exit ..... P2 "failed" (69 unavailable, 77 credentials, 78 configuration, ...)
//   health's findings .. one message at their highest priority
//   replay-dlq's exhausted dead letters .. P2 each (the first 5, then one summary)
// It reads the outcome's typed fields, never metrics keys.
namespace tshsync::alerts {

inline constexpr size_t kMaxExhaustedAlerts = 5;

std::vector<ChatAlert> alerts_for_run(const core::RunOutcome& outcome);

}  // namespace tshsync::alerts
