#include <tshsync/checks/health_figures.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <tshsync/db/webhook_activity.hpp>

namespace tshsync::checks {

namespace {

// One pass over the window (webhook_logs_created_at_idx). A signature failure
// is a rejected call of a pseudo type, or any error naming the signature.
constexpr const char* kWebhookSql = R"(
SELECT COALESCE(event_type, '(none)'),
       count(*),
       count(*) FILTER (WHERE status = 'success'),
       count(*) FILTER (WHERE status = 'error'),
       count(*) FILTER (WHERE status = 'ignored'),
       count(*) FILTER (WHERE (status = 'error' AND event_type IN ('signature_missing', 'signature_invalid'))
                           OR error_message ILIKE '%signature%')
FROM webhook_logs
WHERE created_at >= now() - $1::float8 * interval '1 second'
GROUP BY 1
ORDER BY 2 DESC, 1)";

// Per command: its newest success from sync_logs_type_status_idx; its first
// run only when it never succeeded (to tell "failing since" from "never ran").
constexpr const char* kSyncSql = R"(
SELECT c.name,
       floor(extract(epoch FROM now() - ls.at))::bigint,
       CASE WHEN ls.at IS NULL THEN
           (SELECT floor(extract(epoch FROM now() - min(s.created_at)))::bigint
            FROM sync_logs s WHERE s.sync_type = c.name)
       END
FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS c(name, ord)
CROSS JOIN LATERAL (SELECT max(s.created_at) AS at FROM sync_logs s
                    WHERE s.sync_type = c.name AND s.status = 'success') ls
ORDER BY c.ord)";

// Scalars that need no grouping: stuck jobs (sync_logs_in_progress_idx), the
// dead-letter backlog (its partial indexes on unresolved entries), and active
// products without any price (an anti-join on product_prices' unique index).
constexpr const char* kBacklogSql = R"(
SELECT (SELECT count(*) FROM sync_logs
        WHERE status = 'in_progress' AND created_at < now() - $1::float8 * interval '1 second'),
       d.depth, d.exhausted, d.needs_human,
       (SELECT COALESCE(jsonb_agg(jsonb_build_array(x.event_type, x.original_id)), '[]')
        FROM (SELECT q.event_type, COALESCE(q.original_webhook_log_id::text, q.id::text) AS original_id
              FROM webhook_dead_letter_queue q
              WHERE q.exhausted_at IS NOT NULL AND q.resolved_at IS NULL
              ORDER BY q.exhausted_at, q.id LIMIT 5) x),
       (SELECT count(*) FROM products p
        WHERE p.is_active AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id))
FROM (SELECT count(*) AS depth,
             count(*) FILTER (WHERE exhausted_at IS NOT NULL) AS exhausted,
             count(*) FILTER (WHERE needs_human) AS needs_human
      FROM webhook_dead_letter_queue WHERE resolved_at IS NULL) d)";

std::optional<std::chrono::seconds> age_of(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return std::chrono::seconds(std::max(0LL, f.as<long long>()));  // a clock ahead of the database is "just now"
}

}  // namespace

const std::vector<std::string>& scheduled_sync_commands() {
  static const std::vector<std::string> all{"pull-products", "pull-stock", "pull-prices", "replay-dlq"};
  return all;
}

HealthFigures collect_health_figures(pqxx::connection& conn, const HealthQuery& query) {
  HealthFigures f;
  f.window = query.window;
  pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn);

  for (const auto& row : tx.exec_params(kWebhookSql, static_cast<long long>(query.window.count()))) {
    WebhookTypeFigures t;
    t.event_type = row[0].as<std::string>();
    t.total = row[1].as<long long>();
    t.successes = row[2].as<long long>();
    t.errors = row[3].as<long long>();
    t.ignored = row[4].as<long long>();
    f.signature_failures += row[5].as<long long>();
    f.webhook_events += t.total;
    f.webhook_successes += t.successes;
    f.webhook_types.push_back(std::move(t));
  }

  const std::string commands = nlohmann::json(scheduled_sync_commands()).dump();
  for (const auto& row : tx.exec_params(kSyncSql, commands)) {
    SyncFigures s;
    s.command = row[0].as<std::string>();
    s.last_success_age = age_of(row[1]);
    s.first_run_age = age_of(row[2]);
    s.has_run = s.last_success_age || s.first_run_age;
    f.syncs.push_back(std::move(s));
  }

  const auto backlog = tx.exec_params(kBacklogSql, static_cast<long long>(query.stuck_after.count()))[0];
  f.stuck_jobs = backlog[0].as<long long>();
  f.dlq_depth = backlog[1].as<long long>();
  f.dlq_exhausted = backlog[2].as<long long>();
  f.dlq_needs_human = backlog[3].as<long long>();
  for (const auto& ref : nlohmann::json::parse(backlog[4].as<std::string>()))
    f.dlq_exhausted_sample.push_back({ref[0].get<std::string>(), ref[1].get<std::string>()});
  f.products_without_prices = backlog[5].as<long long>();
  f.newest_webhook_age = db::newest_webhook_age(tx);
  tx.commit();
  return f;
}

}  // namespace tshsync::checks
