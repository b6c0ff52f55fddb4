#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <tshsync/sync/item_merge.hpp>
#include <tshsync/sync/pricebook_merge.hpp>
#include <tshsync/sync/stock_merge.hpp>
#include <tshsync/webhooks/change_events.hpp>
#include <tshsync/zoho/client.hpp>

// The incremental pulls' change feed: the item, stock and price-list events
// the ERP's receivers log (webhook_logs, TDS's tds_inbox_events, or both:
// db/webhook_activity.hpp) say which records changed, so a run re-fetches
// those by id instead of listing the catalog. Each command keeps its place in
// tshsync_state ("<command>.feed": {"at": the newest time read, "seen": ids of
// the rows read within kFeedOverlap before it; a tds_inbox_events id as
// "tds:<id>"}). A row's time is its transaction's start (or, in the inbox,
// the receiver's clock), so a slower transaction can commit a row older than
// one already read: each read looks kFeedOverlap further back and skips the
// rows it has seen. The feed is trusted only while the ERP logs webhooks at
// all (newer than [sync].webhooks_quiet_after) and after a listing started
// it; a lost webhook is caught by the --full listings. A row that names no
// record, or of a type no pull knows, is counted and skipped.
namespace tshsync::webhooks {

constexpr std::chrono::seconds kFeedOverlap{120};

enum class FeedState { live, quiet, no_cursor };
const char* to_string(FeedState state);

struct FeedStatus {
  FeedState state = FeedState::no_cursor;
  bool has_cursor = false;
  std::optional<std::chrono::seconds> newest_webhook_age;  // empty: the ERP never logged one
};

FeedStatus feed_status(pqxx::connection& conn, const std::string& command, std::chrono::seconds quiet_after);

// A cursor at the database's now(): where a listing that starts now leaves the feed.
nlohmann::json feed_mark(pqxx::connection& conn);

struct FeedRead {
  ChangedRecords changes;
  nlohmann::json next;  // the cursor once these are applied
};

// The rows logged since the command's cursor.
FeedRead read_feed(pqxx::connection& conn, const std::string& command, ChangeKind kind);

void save_feed_cursor(pqxx::connection& conn, const std::string& command, const nlohmann::json& cursor);

// Items by id (batched: /itemdetails, 100 a call; else /items/{id} each),
// applied like pull-products pages; an item Zoho no longer has deactivates
// its product (`deactivated`). `calls` counts the requests.
sync::MergeCounts refetch_items(zoho::Client& client, pqxx::connection& conn, const std::vector<std::string>& ids,
                                bool batched, const sync::ApplyOptions& options, int64_t& deactivated, int64_t& calls);

// The items an inventory adjustment moved (one call); empty when Zoho has no such adjustment.
std::vector<std::string> adjustment_item_ids(zoho::Client& client, const std::string& adjustment_id);

// Price books by id, each from its detail (refresh_pricebook).
sync::PriceCounts refetch_pricebooks(zoho::Client& client, pqxx::connection& conn, const std::vector<std::string>& ids,
                                     const sync::PriceOptions& options);

}  // namespace tshsync::webhooks
