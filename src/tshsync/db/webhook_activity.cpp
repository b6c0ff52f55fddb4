#include <tshsync/db/webhook_activity.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace tshsync::db {

WebhookTables webhook_tables(pqxx::transaction_base& tx) {
  const auto row =
      tx.exec("SELECT to_regclass('webhook_logs') IS NOT NULL, to_regclass('tds_inbox_events') IS NOT NULL")[0];
  return {row[0].as<bool>(), row[1].as<bool>()};
}

const InboxFeedTypes& inbox_feed_types() {
  static const InboxFeedTypes types;
  return types;
}

namespace {

// Backwards on webhook_logs_created_at_idx to the first success.
constexpr const char* kNewestLogSql =
    "SELECT floor(extract(epoch FROM now() - created_at))::bigint FROM webhook_logs "
    "WHERE status = 'success' ORDER BY created_at DESC LIMIT 1";

// Backwards on idx_inbox_received_at to the first event the feed reads.
constexpr const char* kNewestInboxSql =
    "SELECT floor(extract(epoch FROM now() - received_at))::bigint FROM tds_inbox_events "
    "WHERE lower(entity_type::text) IN (SELECT jsonb_array_elements_text($1::jsonb)) "
    "ORDER BY received_at DESC LIMIT 1";

std::optional<long long> newest_age_of(const pqxx::result& rows) {
  if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
  return std::max(0LL, rows[0][0].as<long long>());
}

}  // namespace

std::optional<std::chrono::seconds> newest_webhook_age(pqxx::transaction_base& tx) {
  const WebhookTables tables = webhook_tables(tx);
  std::optional<long long> newest;
  const auto keep_newest = [&](std::optional<long long> age) {
    if (age && (!newest || *age < *newest)) newest = age;
  };
  if (tables.logs) keep_newest(newest_age_of(tx.exec(kNewestLogSql)));
  if (tables.inbox) {
    const InboxFeedTypes& t = inbox_feed_types();
    nlohmann::json types = nlohmann::json::array();
    for (const auto* list : {&t.items, &t.stock, &t.prices})
      for (const auto& type : *list) types.push_back(type);
    keep_newest(newest_age_of(tx.exec_params(kNewestInboxSql, types.dump())));
  }
  if (!newest) return std::nullopt;
  return std::chrono::seconds(*newest);
}

}  // namespace tshsync::db
