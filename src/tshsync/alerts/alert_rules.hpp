#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tshsync/alerts/alert.hpp>

// Which alerts one finished run raises. Pure, so the table is unit tested:
//   exit 0 or 1 ........ none (1 is "ran and found problems": validate, health)
//   exit 2 ............. P3 "partly failed"
//   exit 75 ............ none: locked or rate-limited, the next scheduled run retries
//   exit 130, 143 ...... P3 "was interrupted"
//   any other exit ..... P2 "failed" (69 unavailable, 77 credentials, 78 configuration, ...)
//   health's `alerts` .. one message at their highest priority
//   replay-dlq's `exhausted_entries` .. P2 each (the first 5, then one summary)
namespace tshsync::alerts {

inline constexpr size_t kMaxExhaustedAlerts = 5;

std::vector<Alert> alerts_for_run(const std::string& command, int exit_code, const std::string& error,
                                  const nlohmann::json& counts);

}  // namespace tshsync::alerts
