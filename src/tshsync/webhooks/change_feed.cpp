#include <tshsync/webhooks/change_feed.hpp>

#include <algorithm>
#include <set>

#include <tshsync/core/log.hpp>
#include <tshsync/db/webhook_activity.hpp>
#include <tshsync/sync/item_details.hpp>
#include <tshsync/sync/state.hpp>
#include <tshsync/webhooks/payload_ids.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::webhooks {

namespace {

std::string cursor_key(const std::string& command) { return command + ".feed"; }

constexpr const char* kUtcText = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

// webhook_logs_created_at_idx bounds the scan; the prefixes pick the kind,
// and a type that is not "<entity>.<action>" is read to be counted.
const std::string kLogsSql = std::string(R"(
SELECT id::text, to_char(created_at AT TIME ZONE 'UTC', )") +
                             kUtcText + R"(), event_type, NULL::text, payload::text
FROM webhook_logs
WHERE status = 'success' AND created_at > $1::timestamptz - $2::float8 * interval '1 second'
  AND (lower(event_type) LIKE ANY (ARRAY(SELECT p || '%' FROM jsonb_array_elements_text($3::jsonb) AS p))
       OR coalesce(strpos(event_type, '.'), 0) <= 1))";

// idx_inbox_received_at bounds the scan. Every row counts, whatever its
// processing state: the inbox holds an event once the ERP's receiver accepted
// it (it commits the inbox row with its tds_sync_queue entry, where the ERP's
// own processing state lives; is_valid, processed_at and moved_to_queue are
// never set by it), and a record the ERP failed to apply changed all the same.
// The text cast lets an entity type the ERP adds later be read, not refused.
// received_at is the receiver's datetime.utcnow(), naive, which asyncpg reads
// as the process's local time: on an ERP host whose TZ is not UTC the rows
// look that many hours old, so the feed sees webhooks quiet and lists (safe),
// unless [sync].webhooks_quiet_after exceeds the offset (then rows fall before
// the cursor and only the --full backstop sees their changes).
const std::string kInboxSql = std::string(R"(
SELECT id::text, to_char(received_at AT TIME ZONE 'UTC', )") +
                              kUtcText + R"(), entity_type::text, source_entity_id, raw_payload::text
FROM tds_inbox_events
WHERE received_at > $1::timestamptz - $2::float8 * interval '1 second'
  AND lower(entity_type::text) <> ALL (ARRAY(SELECT jsonb_array_elements_text($3::jsonb))))";

// One row of either table; tds ids carry a prefix in the cursor's "seen"
// (webhook_logs ids stay bare, as cursors written before stored them).
struct FeedRow {
  std::string key;  // the id in "seen"
  std::string at;   // UTC text: sorts as time
  bool inbox = false;
  std::string type;
  std::string entity_id;
  std::string payload;
};

std::vector<FeedRow> feed_rows(pqxx::transaction_base& tx, const std::string& since, ChangeKind kind) {
  const db::WebhookTables tables = db::webhook_tables(tx);
  const auto overlap = static_cast<double>(kFeedOverlap.count());
  std::vector<FeedRow> rows;
  const auto add = [&rows](const pqxx::result& result, bool inbox) {
    for (const auto& r : result)
      rows.push_back({inbox ? "tds:" + r[0].as<std::string>() : r[0].as<std::string>(), r[1].as<std::string>(), inbox,
                      r[2].as<std::string>(""), r[3].as<std::string>(""), r[4].as<std::string>("null")});
  };
  if (tables.logs)
    add(tx.exec_params(kLogsSql, since, overlap, nlohmann::json(change_event_prefixes(kind)).dump()), false);
  if (tables.inbox)
    add(tx.exec_params(kInboxSql, since, overlap, nlohmann::json(inbox_types_not_read(kind)).dump()), true);
  std::stable_sort(rows.begin(), rows.end(), [](const FeedRow& a, const FeedRow& b) { return a.at < b.at; });
  return rows;
}

bool is_cursor(const std::optional<nlohmann::json>& value) {
  return value && value->is_object() && value->contains("at") && (*value)["at"].is_string();
}

}  // namespace

const char* to_string(FeedState state) {
  switch (state) {
    case FeedState::live:
      return "live";
    case FeedState::quiet:
      return "quiet";
    case FeedState::no_cursor:
      return "no_cursor";
  }
  return "no_cursor";
}

FeedStatus feed_status(pqxx::connection& conn, const std::string& command, std::chrono::seconds quiet_after) {
  pqxx::read_transaction tx(conn);
  FeedStatus status;
  status.newest_webhook_age = db::newest_webhook_age(tx);
  status.has_cursor = is_cursor(sync::read_state(tx, cursor_key(command)));
  if (!status.newest_webhook_age || *status.newest_webhook_age > quiet_after)
    status.state = FeedState::quiet;
  else if (!status.has_cursor)
    status.state = FeedState::no_cursor;
  else
    status.state = FeedState::live;
  return status;
}

namespace {

nlohmann::json mark_at_now(pqxx::transaction_base& tx) {
  const std::string now =
      tx.exec(std::string("SELECT to_char(now() AT TIME ZONE 'UTC', ") + kUtcText + ")")[0][0].as<std::string>();
  return {{"at", now}, {"seen", nlohmann::json::array()}};
}

}  // namespace

nlohmann::json feed_mark(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  return mark_at_now(tx);
}

FeedRead read_feed(pqxx::connection& conn, const std::string& command, ChangeKind kind) {
  pqxx::read_transaction tx(conn);
  const auto stored = sync::read_state(tx, cursor_key(command));
  FeedRead read;
  read.next = is_cursor(stored) ? *stored : mark_at_now(tx);
  std::set<std::string> seen;
  if (read.next["seen"].is_array())
    for (const auto& id : read.next["seen"])
      if (id.is_string()) seen.insert(id.get<std::string>());
  std::string newest = read.next["at"].get<std::string>();
  std::vector<std::pair<std::string, std::string>> rows_read;  // key, time
  for (const FeedRow& row : feed_rows(tx, newest, kind)) {
    rows_read.emplace_back(row.key, row.at);
    if (row.at > newest) newest = row.at;
    if (seen.count(row.key)) continue;
    const auto payload = nlohmann::json::parse(row.payload, nullptr, false);
    if (row.inbox)
      add_inbox_event(kind, row.type, row.entity_id, payload, read.changes);
    else
      add_change_event(kind, row.type, payload, read.changes);
  }
  // The rows within the overlap of the new position are remembered.
  const std::string window_start = tx.exec_params(std::string("SELECT to_char(($1::timestamptz - $2::float8 * "
                                                              "interval '1 second') AT TIME ZONE 'UTC', ") +
                                                      kUtcText + ")",
                                                  newest, static_cast<double>(kFeedOverlap.count()))[0][0]
                                       .as<std::string>();
  nlohmann::json keep = nlohmann::json::array();
  for (const auto& [id, at] : rows_read)
    if (at > window_start) keep.push_back(id);
  read.next = {{"at", newest}, {"seen", keep}};
  return read;
}

void save_feed_cursor(pqxx::connection& conn, const std::string& command, const nlohmann::json& cursor) {
  pqxx::work tx(conn);
  tx.exec_params(
      "INSERT INTO tshsync_state (key, value) VALUES ($1, $2::jsonb) "
      "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now() "
      "WHERE tshsync_state.value IS DISTINCT FROM EXCLUDED.value",
      cursor_key(command), cursor.dump());
  tx.commit();
}

sync::MergeCounts refetch_items(zoho::Client& client, pqxx::connection& conn, const std::vector<std::string>& ids,
                                bool batched, const sync::ApplyOptions& options, int64_t& deactivated, int64_t& calls) {
  if (ids.empty()) return {};
  sync::ItemDetailsFetcher fetcher(client, batched);
  const nlohmann::json details = fetcher.fetch(ids);
  calls += fetcher.calls();
  sync::MergeCounts counts = sync::apply_items(conn, details, options);
  std::set<std::string> found;
  for (const auto& record : details) found.insert(zoho::item_id_for_message(record));
  std::vector<std::string> missing;
  for (const auto& id : ids)
    if (!found.count(id)) missing.push_back(id);
  if (batched && !fetcher.fell_back() && !missing.empty()) {
    // An id left out of a batched answer is not proof that Zoho deleted it:
    // ask for each alone, and deactivate only what Zoho says does not exist.
    sync::ItemDetailsFetcher one_by_one(client, false);
    const nlohmann::json confirmed = one_by_one.fetch(missing);
    calls += one_by_one.calls();
    counts.add(sync::apply_items(conn, confirmed, options));
    for (const auto& record : confirmed) found.insert(zoho::item_id_for_message(record));
  }
  for (const auto& id : missing)
    if (!found.count(id) && sync::deactivate_item(conn, id)) ++deactivated;
  return counts;
}

std::vector<std::string> adjustment_item_ids(zoho::Client& client, const std::string& adjustment_id) {
  const auto envelope = client.get_if_exists("/inventoryadjustments/" + adjustment_id);
  if (!envelope) return {};
  return find_line_item_ids(*envelope, "inventory_adjustment");
}

sync::PriceCounts refetch_pricebooks(zoho::Client& client, pqxx::connection& conn, const std::vector<std::string>& ids,
                                     const sync::PriceOptions& options) {
  sync::PriceCounts total;
  for (const auto& id : ids) {
    try {
      total.add(sync::refresh_pricebook(client, conn, id, options));
    } catch (const zoho::RecordError& e) {
      ++total.failed;
      core::log_warn("skipped pricebook {}: {}", e.record_id(), e.reason());
    }
  }
  return total;
}

}  // namespace tshsync::webhooks
