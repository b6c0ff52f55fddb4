#include <tshsync/checks/health_metrics.hpp>

#include <pqxx/pqxx>

namespace tshsync::checks {

namespace {

constexpr const char* kInsertSql = R"(
INSERT INTO webhook_health_metrics (metric_name, metric_value, tags, recorded_at)
SELECT m.name, m.value, m.tags, now()
FROM jsonb_to_recordset($1::jsonb) AS m(name text, value numeric, tags jsonb))";

void row(nlohmann::json& rows, const char* name, nlohmann::json value, nlohmann::json tags = nullptr) {
  rows.push_back({{"name", name}, {"value", std::move(value)}, {"tags", std::move(tags)}});
}

}  // namespace

nlohmann::json health_metric_rows(const HealthFigures& f, const std::vector<Alert>& alerts) {
  nlohmann::json rows = nlohmann::json::array();
  const long long window = f.window.count();
  for (const auto& t : f.webhook_types) {
    const nlohmann::json tags{{"event_type", t.event_type}, {"window_seconds", window}};
    row(rows, "webhook_events", t.total, tags);
    row(rows, "webhook_successes", t.successes, tags);
    row(rows, "webhook_errors", t.errors, tags);
    row(rows, "webhook_ignored", t.ignored, tags);
    row(rows, "webhook_success_rate", rate_percent(t.successes, t.total), tags);
  }
  const nlohmann::json window_tag{{"window_seconds", window}};
  row(rows, "webhook_events_total", f.webhook_events, window_tag);
  row(rows, "webhook_signature_failures", f.signature_failures, window_tag);
  row(rows, "sync_jobs_stuck", f.stuck_jobs);
  for (const auto& s : f.syncs)
    if (s.last_success_age)
      row(rows, "sync_last_success_age_seconds", s.last_success_age->count(), {{"command", s.command}});
  row(rows, "dlq_depth", f.dlq_depth);
  row(rows, "dlq_exhausted", f.dlq_exhausted);
  row(rows, "dlq_needs_human", f.dlq_needs_human);
  row(rows, "products_without_prices", f.products_without_prices);
  const auto highest = highest_priority(alerts);
  row(rows, "health_alerts", alerts.size(),
      {{"highest_priority", highest ? nlohmann::json(to_string(*highest)) : nlohmann::json(nullptr)}});
  return rows;
}

void record_health_metrics(pqxx::connection& conn, const HealthFigures& figures, const std::vector<Alert>& alerts) {
  pqxx::work tx(conn);
  tx.exec_params(kInsertSql, health_metric_rows(figures, alerts).dump());
  tx.commit();
}

}  // namespace tshsync::checks
