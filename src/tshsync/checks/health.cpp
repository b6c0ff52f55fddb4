#include <tshsync/checks/health.hpp>

#include <pqxx/pqxx>

#include <tshsync/checks/health_metrics.hpp>

namespace tshsync::checks {

namespace {

nlohmann::json seconds_or_null(const std::optional<std::chrono::seconds>& s) {
  return s ? nlohmann::json(s->count()) : nlohmann::json(nullptr);
}

}  // namespace

HealthReport check_health(pqxx::connection& conn, const HealthOptions& options) {
  HealthReport report;
  report.figures = collect_health_figures(conn, {options.window, options.stuck_after});
  report.thresholds.stale_after = options.stale_after;
  report.thresholds.stuck_after = options.stuck_after;
  report.thresholds.webhooks_quiet_after = options.webhooks_quiet_after;
  report.alerts = evaluate_health(report.figures, report.thresholds);
  record_health_metrics(conn, report.figures, report.alerts);
  return report;
}

nlohmann::json to_json(const Alert& alert) {
  return {{"priority", to_string(alert.priority)},
          {"check", alert.check},
          {"subject", alert.subject},
          {"message", alert.message}};
}

nlohmann::json to_json(const HealthReport& report) {
  const HealthFigures& f = report.figures;
  nlohmann::json types = nlohmann::json::array();
  for (const auto& t : f.webhook_types)
    types.push_back({{"event_type", t.event_type},
                     {"total", t.total},
                     {"success", t.successes},
                     {"error", t.errors},
                     {"ignored", t.ignored},
                     {"success_rate", rate_percent(t.successes, t.total)}});
  nlohmann::json syncs = nlohmann::json::array();
  for (const auto& s : f.syncs)
    syncs.push_back({{"command", s.command},
                     {"state", to_string(sync_state(s.last_success_age, s.has_run, report.thresholds.stale_after))},
                     {"last_success_age_seconds", seconds_or_null(s.last_success_age)}});
  nlohmann::json exhausted = nlohmann::json::array();
  for (const auto& d : f.dlq_exhausted_sample)
    exhausted.push_back({{"event_type", d.event_type}, {"original_id", d.original_id}});
  nlohmann::json alerts = nlohmann::json::array();
  for (const auto& a : report.alerts) alerts.push_back(to_json(a));
  const auto highest = highest_priority(report.alerts);
  return {{"window_seconds", f.window.count()},
          {"webhooks",
           {{"events", f.webhook_events},
            {"successes", f.webhook_successes},
            {"signature_failures", f.signature_failures},
            {"newest_age_seconds", seconds_or_null(f.newest_webhook_age)},
            {"types", types}}},
          {"syncs", syncs},
          {"stuck_jobs", f.stuck_jobs},
          {"stale_after_seconds", report.thresholds.stale_after.count()},
          {"dead_letters",
           {{"depth", f.dlq_depth},
            {"exhausted", f.dlq_exhausted},
            {"needs_human", f.dlq_needs_human},
            {"exhausted_sample", exhausted}}},
          {"products_without_prices", f.products_without_prices},
          {"alerts", alerts},
          {"highest_priority", highest ? nlohmann::json(to_string(*highest)) : nlohmann::json(nullptr)}};
}

}  // namespace tshsync::checks
