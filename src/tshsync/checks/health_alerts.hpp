#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <tshsync/checks/health_figures.hpp>
#include <tshsync/checks/priority.hpp>

namespace tshsync::checks {

struct HealthThresholds {
  std::chrono::seconds stale_after{std::chrono::hours(2)};
  std::chrono::seconds stuck_after{std::chrono::hours(1)};
  std::chrono::seconds all_failing_after{std::chrono::hours(1)};     // the audit's P1 "for > 1 hour"
  std::chrono::seconds webhooks_quiet_after{std::chrono::hours(2)};  // [sync].webhooks_quiet_after
};

// "3h", "2d", "45s": the largest whole unit, enough to judge an age by.
std::string approximate_age(std::chrono::seconds age);

// Judges the figures: pure, so the whole escalation table is unit tested.
// Alerts come most urgent first, in check order within a priority.
std::vector<Alert> evaluate_health(const HealthFigures& figures, const HealthThresholds& thresholds);

}  // namespace tshsync::checks
