#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace tshsync::db {

// The tables the ERP's webhook receivers write. webhook_logs is the audit's
// (the receiver of October 2025; tshsync's migrations create it when absent);
// tds_inbox_events is TDS's inbox, the one TSH's ERP writes since November 2025
// (Qmop1967/tsh-erp-system app/models/zoho_sync.py, TDSInboxEvent). A database
// may have either or both.
struct WebhookTables {
  bool logs = false;   // webhook_logs
  bool inbox = false;  // tds_inbox_events
};
WebhookTables webhook_tables(pqxx::transaction_base& tx);

// The tds_inbox_events.entity_type values (compared in lower case) of the
// events the change feed reads: the model's values (product, stock_adjustment,
// price_list) and the names its live receiver (app/tds/api/webhooks.py) passes,
// which its processor upper-cases (PRODUCT, STOCK, PRICE).
struct InboxFeedTypes {
  std::vector<std::string> items{"product"};
  std::vector<std::string> stock{"stock_adjustment", "stock"};
  std::vector<std::string> prices{"price_list", "price"};
};
const InboxFeedTypes& inbox_feed_types();

// How long ago the ERP last logged a webhook: the newest success in
// webhook_logs, or the newest item, stock or price-list event in
// tds_inbox_events (its receiver rejects those while accepting others, so
// only they say the feed is fed); empty when it never did. The incremental
// pulls read the change feed only while this is recent, and `health` says so
// when it is not ([sync].webhooks_quiet_after).
std::optional<std::chrono::seconds> newest_webhook_age(pqxx::transaction_base& tx);

}  // namespace tshsync::db
