#include <tshsync/checks/priority.hpp>

#include <algorithm>
#include <cmath>

namespace tshsync::checks {

std::optional<Priority> highest_priority(const std::vector<Alert>& alerts) {
  std::optional<Priority> best;
  for (const auto& a : alerts)
    if (!best || static_cast<int>(a.priority) < static_cast<int>(*best)) best = a.priority;
  return best;
}

std::optional<Priority> webhook_rate_priority(long long successes, long long total) {
  if (total <= 5) return std::nullopt;
  // Integer comparisons: 45/50 is exactly 90% and must not alert.
  if (successes * 100 < total * 50) return Priority::p1;
  if (successes * 100 < total * 90) return Priority::p2;
  return std::nullopt;
}

double rate_percent(long long successes, long long total) {
  if (total <= 0) return 0.0;
  return std::round(static_cast<double>(successes) * 1000.0 / static_cast<double>(total)) / 10.0;
}

bool is_signature_pseudo_type(std::string_view event_type) {
  return event_type == "signature_missing" || event_type == "signature_invalid";
}

std::optional<Priority> signature_failure_priority(long long failures) {
  if (failures > 50) return Priority::p1;
  if (failures > 0) return Priority::p2;
  return std::nullopt;
}

std::optional<Priority> stuck_jobs_priority(long long stuck) {
  return stuck > 0 ? std::optional<Priority>(Priority::p2) : std::nullopt;
}

std::optional<Priority> unpriced_products_priority(long long count) {
  if (count > 100) return Priority::p2;
  if (count > 0) return Priority::p3;
  return std::nullopt;
}

std::optional<Priority> dlq_exhausted_priority(long long count) {
  return count > 0 ? std::optional<Priority>(Priority::p2) : std::nullopt;
}

std::optional<Priority> dlq_needs_human_priority(long long count) {
  return count > 0 ? std::optional<Priority>(Priority::p3) : std::nullopt;
}

std::string to_string(SyncState s) {
  switch (s) {
    case SyncState::fresh:
      return "fresh";
    case SyncState::stale:
      return "stale";
    case SyncState::never_succeeded:
      return "never_succeeded";
    case SyncState::never_run:
      return "never_run";
  }
  return "unknown";
}

SyncState sync_state(std::optional<std::chrono::seconds> last_success_age, bool has_run,
                     std::chrono::seconds stale_after) {
  if (last_success_age) return *last_success_age > stale_after ? SyncState::stale : SyncState::fresh;
  return has_run ? SyncState::never_succeeded : SyncState::never_run;
}

std::optional<Priority> sync_state_priority(SyncState s) {
  switch (s) {
    case SyncState::stale:
    case SyncState::never_succeeded:
      return Priority::p2;
    case SyncState::never_run:
      return Priority::p3;
    case SyncState::fresh:
      break;
  }
  return std::nullopt;
}

bool all_syncs_failing(const std::vector<SyncFailure>& syncs, std::chrono::seconds for_longer_than) {
  bool any_ran = false;
  for (const auto& s : syncs) {
    if (s.state == SyncState::never_run) continue;
    any_ran = true;
    if (s.state == SyncState::fresh || s.failing_for <= for_longer_than) return false;
  }
  return any_ran;
}

}  // namespace tshsync::checks
