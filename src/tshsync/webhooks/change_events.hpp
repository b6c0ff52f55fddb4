#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Which Zoho records a row of the ERP's webhook tables says changed, for the
// incremental pulls' change feed. Pure: no I/O. Two tables (db/webhook_activity.hpp):
//
// webhook_logs (the audit's receiver; event types as in tests/data/audit_history.sql):
//   item.create / item.update / item.delete     {"item": {"item_id": ..}}
//   inventoryadjustment.*                        {"inventory_adjustment": {"inventory_adjustment_id": ..,
//                                                  "line_items": [{"item_id": ..}]}}
//   pricebook.* / pricelist.*                    {"pricebook": {"pricebook_id": ..}}
//
// tds_inbox_events (TDS, Qmop1967/tsh-erp-system app/models/zoho_sync.py): the
// entity type (db::inbox_feed_types) and the record's id in source_entity_id
// ("unknown" when the receiver found none); raw_payload is the record itself.
//
// As for replays, a row only says which record: the pulls fetch it.
namespace tshsync::webhooks {

enum class ChangeKind { items, stock, prices };

// The event-type prefixes (lower case, with the dot) a kind reads from webhook_logs.
const std::vector<std::string>& change_event_prefixes(ChangeKind kind);

// The tds_inbox_events entity types (lower case) a kind does NOT read: the
// other kinds' and the ERP's other entities'. The feed reads every other row,
// so an entity type it does not know is seen and counted.
const std::vector<std::string>& inbox_types_not_read(ChangeKind kind);

struct ChangedRecords {
  std::set<std::string> ids;          // item ids (items, stock) or pricebook ids (prices)
  std::set<std::string> adjustments;  // stock: adjustments whose payload names no item
  int64_t events = 0;                 // rows of this kind read
  int64_t unusable = 0;               // rows of this kind naming no record (counted, skipped)
  int64_t unknown_types = 0;          // rows of a type no pull knows (counted, skipped)
};

// Adds what one webhook_logs row names to `out`. Rows of the other kinds and
// of other Zoho entities ("invoice.create") are ignored; a type that is not
// "<entity>.<action>" at all is counted as unknown.
void add_change_event(ChangeKind kind, const std::string& event_type, const nlohmann::json& payload,
                      ChangedRecords& out);

// Adds what one tds_inbox_events row names to `out`: source_entity_id when it
// is a Zoho id, else what raw_payload names. Rows not of this kind are
// ignored, except an entity type no pull knows, which is counted as unknown.
void add_inbox_event(ChangeKind kind, const std::string& entity_type, const std::string& source_entity_id,
                     const nlohmann::json& raw_payload, ChangedRecords& out);

}  // namespace tshsync::webhooks
