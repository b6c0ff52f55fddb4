#include <tshsync/webhooks/change_events.hpp>

#include <algorithm>
#include <optional>

#include <tshsync/db/webhook_activity.hpp>
#include <tshsync/util/ascii.hpp>
#include <tshsync/webhooks/payload_ids.hpp>

namespace tshsync::webhooks {

namespace {

// One of three lists, by kind.
const std::vector<std::string>& by_kind(ChangeKind kind, const std::vector<std::string>& items,
                                        const std::vector<std::string>& stock, const std::vector<std::string>& prices) {
  return kind == ChangeKind::stock ? stock : kind == ChangeKind::prices ? prices : items;
}

bool is_listed(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool has_prefix(const std::string& type, ChangeKind kind) {
  const auto& prefixes = change_event_prefixes(kind);
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return type.compare(0, p.size(), p) == 0; });
}

const std::vector<std::string>& inbox_types(ChangeKind kind) {
  const db::InboxFeedTypes& types = db::inbox_feed_types();
  return by_kind(kind, types.items, types.stock, types.prices);
}

// What a row of `kind` names, from the row's own id when it has one (tds),
// else from its payload.
void add_named_records(ChangeKind kind, const std::optional<std::string>& row_id, const nlohmann::json& payload,
                       ChangedRecords& out) {
  ++out.events;
  std::vector<std::string> ids;
  if (kind == ChangeKind::items) {
    if (auto id = row_id ? row_id : find_record_id(payload, "item", "item_id")) ids.push_back(*id);
  } else if (kind == ChangeKind::stock) {
    ids = find_line_item_ids(payload, "inventory_adjustment");
    if (ids.empty()) {
      // Without line items the adjustment itself says which items it moved.
      if (auto id = row_id ? row_id : find_record_id(payload, "inventory_adjustment", "inventory_adjustment_id")) {
        out.adjustments.insert(*id);
        return;
      }
    }
  } else if (row_id) {
    ids.push_back(*row_id);
  } else if (auto id = find_record_id(payload, "pricebook", "pricebook_id")) {
    ids.push_back(*id);
  } else if (auto list_id = find_record_id(payload, "pricelist", "pricelist_id")) {
    ids.push_back(*list_id);
  }
  if (ids.empty()) ++out.unusable;
  out.ids.insert(ids.begin(), ids.end());
}

}  // namespace

const std::vector<std::string>& change_event_prefixes(ChangeKind kind) {
  static const std::vector<std::string> items{"item."};
  static const std::vector<std::string> stock{"inventoryadjustment."};
  static const std::vector<std::string> prices{"pricebook.", "pricelist."};
  return by_kind(kind, items, stock, prices);
}

const std::vector<std::string>& inbox_types_not_read(ChangeKind kind) {
  // The ERP's other entities: EntityType in app/models/zoho_sync.py, lower case.
  static const std::vector<std::string> others{"customer", "invoice", "bill",    "credit_note", "branch",
                                               "user",     "order",   "payment", "vendor",      "supplier"};
  static const auto all_but = [](ChangeKind own) {
    std::vector<std::string> out = others;
    for (ChangeKind k : {ChangeKind::items, ChangeKind::stock, ChangeKind::prices})
      if (k != own) out.insert(out.end(), inbox_types(k).begin(), inbox_types(k).end());
    return out;
  };
  static const std::vector<std::string> not_items = all_but(ChangeKind::items);
  static const std::vector<std::string> not_stock = all_but(ChangeKind::stock);
  static const std::vector<std::string> not_prices = all_but(ChangeKind::prices);
  return by_kind(kind, not_items, not_stock, not_prices);
}

void add_change_event(ChangeKind kind, const std::string& event_type, const nlohmann::json& payload,
                      ChangedRecords& out) {
  const std::string type = util::ascii_lower(event_type);
  if (has_prefix(type, kind)) {
    add_named_records(kind, std::nullopt, payload, out);
    return;
  }
  const auto dot = type.find('.');
  if (dot == std::string::npos || dot == 0) ++out.unknown_types;
}

void add_inbox_event(ChangeKind kind, const std::string& entity_type, const std::string& source_entity_id,
                     const nlohmann::json& raw_payload, ChangedRecords& out) {
  const std::string type = util::ascii_lower(entity_type);
  if (!is_listed(inbox_types(kind), type)) {
    if (!is_listed(inbox_types_not_read(kind), type)) ++out.unknown_types;
    return;
  }
  // "unknown" is what the ERP's receiver stores when the webhook named no id.
  std::optional<std::string> row_id;
  if (is_zoho_id(source_entity_id) && util::ascii_lower(source_entity_id) != "unknown") row_id = source_entity_id;
  add_named_records(kind, row_id, raw_payload, out);
}

}  // namespace tshsync::webhooks
