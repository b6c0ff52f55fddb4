#include <tshsync/checks/health_alerts.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <tshsync/util/duration.hpp>

namespace tshsync::checks {

namespace {

using std::chrono::seconds;

void add(std::vector<Alert>& out, std::optional<Priority> p, std::string check, std::string subject,
         std::string message) {
  if (p) out.push_back({*p, std::move(check), std::move(subject), std::move(message)});
}

// Zoho's events that carry no usable type: a rate for them would judge nothing.
bool is_unknown_event_type(const std::string& event_type) {
  return event_type.empty() || event_type == "unknown" || event_type == "(none)";
}

void webhook_alerts(std::vector<Alert>& out, const HealthFigures& f) {
  long long unknown_errors = 0, unknown_total = 0;
  for (const auto& t : f.webhook_types) {
    if (is_signature_pseudo_type(t.event_type)) continue;  // judged below as signature failures
    if (is_unknown_event_type(t.event_type)) {
      unknown_errors += t.errors;
      unknown_total += t.total;
      continue;
    }
    // A rate alert needs failures: a type whose events were all ignored
    // (Zoho's test pings) is not failing.
    if (t.errors == 0) continue;
    const auto p = webhook_rate_priority(t.successes, t.total);
    if (!p) continue;
    add(out, p, "webhook_success_rate", t.event_type,
        fmt::format("{} success rate {:.1f}% ({}/{}) below {}%", t.event_type, rate_percent(t.successes, t.total),
                    t.successes, t.total, *p == Priority::p1 ? 50 : 90));
  }
  if (unknown_errors > 0)
    add(out, Priority::p3, "unknown_event_types", "",
        fmt::format("{} of {} webhook events without a known event type failed in the last {}", unknown_errors,
                    unknown_total, util::format_duration(f.window)));
  add(out, signature_failure_priority(f.signature_failures), "signature_failures", "",
      fmt::format("{} webhook signature failures in the last {}: forged calls or a wrong webhook secret",
                  f.signature_failures, util::format_duration(f.window)));
}

// Webhooks that stop arriving are not failures anywhere else: the pulls then
// list the catalog instead of reading the change feed, which costs Zoho calls.
// An ERP that never logged one has no feed to lose.
void quiet_alerts(std::vector<Alert>& out, const HealthFigures& f, const HealthThresholds& t) {
  if (!f.newest_webhook_age || *f.newest_webhook_age <= t.webhooks_quiet_after) return;
  add(out, Priority::p3, "webhooks_quiet", "",
      fmt::format("webhooks went quiet: the ERP logged none for {} ([sync].webhooks_quiet_after {}); the "
                  "incremental pulls list the catalog instead of reading the change feed (more Zoho calls)",
                  approximate_age(*f.newest_webhook_age), util::format_duration(t.webhooks_quiet_after)));
}

void sync_alerts(std::vector<Alert>& out, const HealthFigures& f, const HealthThresholds& t) {
  add(out, stuck_jobs_priority(f.stuck_jobs), "stuck_jobs", "",
      fmt::format("{} sync jobs in_progress for more than {} (fix-stuck fails them)", f.stuck_jobs,
                  util::format_duration(t.stuck_after)));
  std::vector<SyncFailure> failures;
  for (const auto& s : f.syncs) {
    const SyncState state = sync_state(s.last_success_age, s.has_run, t.stale_after);
    failures.push_back({state, s.last_success_age ? *s.last_success_age : s.first_run_age.value_or(seconds(0))});
    std::string message;
    if (state == SyncState::stale)
      message = fmt::format("scheduled sync failing or stale: {} last succeeded {} ago (stale after {})", s.command,
                            approximate_age(*s.last_success_age), util::format_duration(t.stale_after));
    else if (state == SyncState::never_succeeded)
      message = fmt::format("scheduled sync failing: {} has run but never succeeded", s.command);
    else if (state == SyncState::never_run)
      message = fmt::format("{} has never run: not scheduled yet (see crontab.example)", s.command);
    add(out, sync_state_priority(state), "sync_freshness", s.command, message);
  }
  if (all_syncs_failing(failures, t.all_failing_after))
    add(out, Priority::p1, "all_syncs_failing", "",
        fmt::format("all syncs failing: none of the scheduled syncs that run has succeeded for more than {}",
                    util::format_duration(t.all_failing_after)));
}

void backlog_alerts(std::vector<Alert>& out, const HealthFigures& f) {
  std::string names;
  for (const auto& d : f.dlq_exhausted_sample)
    names += (names.empty() ? "" : ", ") + d.event_type + " " + d.original_id;
  add(out, dlq_exhausted_priority(f.dlq_exhausted), "dlq_exhausted", "",
      fmt::format("{} dead letters exhausted their retries: {}{}", f.dlq_exhausted, names,
                  f.dlq_exhausted > static_cast<long long>(f.dlq_exhausted_sample.size()) ? ", ..." : ""));
  add(out, dlq_needs_human_priority(f.dlq_needs_human), "dlq_needs_human", "",
      fmt::format("{} dead letters wait for a human decision", f.dlq_needs_human));
  add(out, unpriced_products_priority(f.products_without_prices), "products_without_prices", "",
      fmt::format("{} active products have no price in any list (backfill-prices adds them)",
                  f.products_without_prices));
}

}  // namespace

std::string approximate_age(std::chrono::seconds age) {
  const long long s = age.count();
  if (s >= 86400) return std::to_string(s / 86400) + "d";
  if (s >= 3600) return std::to_string(s / 3600) + "h";
  if (s >= 60) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

std::vector<Alert> evaluate_health(const HealthFigures& figures, const HealthThresholds& thresholds) {
  std::vector<Alert> alerts;
  webhook_alerts(alerts, figures);
  quiet_alerts(alerts, figures, thresholds);
  sync_alerts(alerts, figures, thresholds);
  backlog_alerts(alerts, figures);
  std::stable_sort(alerts.begin(), alerts.end(), [](const Alert& a, const Alert& b) {
    return static_cast<int>(a.priority) < static_cast<int>(b.priority);
  });
  return alerts;
}

}  // namespace tshsync::checks
