#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Which Zoho records a webhook_logs row says changed, for the incremental
// pulls' change feed. Pure: no I/O. The rows are the ones the ERP's receiver
// writes (the audit's event types, tests/data/audit_history.sql):
//   item.create / item.update / item.delete     {"item": {"item_id": ..}}
//   inventoryadjustment.*                        {"inventory_adjustment": {"inventory_adjustment_id": ..,
//                                                  "line_items": [{"item_id": ..}]}}
//   pricebook.* / pricelist.*                    {"pricebook": {"pricebook_id": ..}}
// As for replays, the payload only says which record: the pulls fetch it.
namespace tshsync::webhooks {

enum class ChangeKind { items, stock, prices };

// The event-type prefixes (lower case, with the dot) a kind reads.
const std::vector<std::string>& change_event_prefixes(ChangeKind kind);

struct ChangedRecords {
  std::set<std::string> ids;          // item ids (items, stock) or pricebook ids (prices)
  std::set<std::string> adjustments;  // stock: adjustments whose payload names no item
  int64_t events = 0;                 // rows read
  int64_t unusable = 0;               // rows naming no record (counted, skipped)
};

// Adds what one row names to `out`. Rows of other kinds are ignored.
void add_change_event(ChangeKind kind, const std::string& event_type, const nlohmann::json& payload,
                      ChangedRecords& out);

}  // namespace tshsync::webhooks
