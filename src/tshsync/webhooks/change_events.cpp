#include <tshsync/webhooks/change_events.hpp>

#include <algorithm>
#include <cctype>

#include <tshsync/util/ascii.hpp>
#include <tshsync/webhooks/payload_ids.hpp>

namespace tshsync::webhooks {

namespace {

bool has_prefix(const std::string& type, ChangeKind kind) {
  const auto& prefixes = change_event_prefixes(kind);
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return type.compare(0, p.size(), p) == 0; });
}

}  // namespace

const std::vector<std::string>& change_event_prefixes(ChangeKind kind) {
  static const std::vector<std::string> items{"item."};
  static const std::vector<std::string> stock{"inventoryadjustment."};
  static const std::vector<std::string> prices{"pricebook.", "pricelist."};
  switch (kind) {
    case ChangeKind::items:
      return items;
    case ChangeKind::stock:
      return stock;
    case ChangeKind::prices:
      return prices;
  }
  return items;
}

void add_change_event(ChangeKind kind, const std::string& event_type, const nlohmann::json& payload,
                      ChangedRecords& out) {
  if (!has_prefix(util::ascii_lower(event_type), kind)) return;
  ++out.events;
  std::vector<std::string> ids;
  if (kind == ChangeKind::items) {
    if (auto id = find_record_id(payload, "item", "item_id")) ids.push_back(*id);
  } else if (kind == ChangeKind::stock) {
    ids = find_line_item_ids(payload, "inventory_adjustment");
    if (ids.empty()) {
      // Without line items the adjustment itself says which items it moved.
      if (auto id = find_record_id(payload, "inventory_adjustment", "inventory_adjustment_id")) {
        out.adjustments.insert(*id);
        return;
      }
    }
  } else if (auto id = find_record_id(payload, "pricebook", "pricebook_id")) {
    ids.push_back(*id);
  } else if (auto list_id = find_record_id(payload, "pricelist", "pricelist_id")) {
    ids.push_back(*list_id);
  }
  if (ids.empty()) ++out.unusable;
  out.ids.insert(ids.begin(), ids.end());
}

}  // namespace tshsync::webhooks
