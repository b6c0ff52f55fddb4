#include "catalog.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zoho_standin {
namespace {

// Numeric ids compare as numbers: shorter first, then by text.
bool id_less(const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; }

void apply_position_quirks(Item& item, std::size_t position) {
  item.stock_as_text = (position + 1) % 7 == 0;
  item.uses_locations = position % 2 == 0;
  item.location_count = position % 3 == 0 ? 2 : 3;
}

// Splits `total` by `weights` (all but the last); the last part takes the remainder so the
// parts always add up to the total.
std::vector<double> split(double total, const std::vector<double>& weights) {
  std::vector<double> parts;
  double assigned = 0;
  for (const double weight : weights) {
    const double part = std::floor(total * weight);
    parts.push_back(part);
    assigned += part;
  }
  parts.push_back(total - assigned);
  return parts;
}

}  // namespace

bool Catalog::matches(const OrderEntry& entry, const ItemQuery& query) {
  if (entry.deleted) {
    return false;
  }
  if ((query.status == StatusFilter::active && !entry.active) ||
      (query.status == StatusFilter::inactive && entry.active)) {
    return false;
  }
  if (query.modified_since) {
    return query.comparison == ModifiedComparison::ge ? entry.last_modified_time >= *query.modified_since
                                                      : entry.last_modified_time > *query.modified_since;
  }
  return true;
}

const PricebookEntry* Pricebook::find_entry(const std::string& item_id) const {
  const auto it =
      std::find_if(entries.begin(), entries.end(), [&](const PricebookEntry& e) { return e.item_id == item_id; });
  return it == entries.end() ? nullptr : &*it;
}

void Pricebook::set_entry(PricebookEntry entry) {
  for (PricebookEntry& existing : entries) {
    if (existing.item_id == entry.item_id) {
      existing = std::move(entry);
      return;
    }
  }
  entries.push_back(std::move(entry));
}

bool Pricebook::remove_entry(const std::string& item_id) {
  const auto it =
      std::find_if(entries.begin(), entries.end(), [&](const PricebookEntry& e) { return e.item_id == item_id; });
  if (it == entries.end()) {
    return false;
  }
  entries.erase(it);
  return true;
}

void Catalog::add_item(Item item) {
  const std::size_t position = items_.size();
  apply_position_quirks(item, position);
  slot_by_id_[item.item_id] = position;
  items_.push_back(std::move(item));
  orders_ = {};
}

void Catalog::reserve_items(std::size_t count) {
  items_.reserve(count);
  slot_by_id_.reserve(count);
}

void Catalog::add_pricebook(Pricebook book) { pricebooks_.push_back(std::move(book)); }

void Catalog::set_locations(std::vector<Location> locations) { locations_ = std::move(locations); }

void Catalog::add_adjustment(Adjustment adjustment) { adjustments_.push_back(std::move(adjustment)); }

const Item* Catalog::find_item(const std::string& item_id) const {
  const auto it = slot_by_id_.find(item_id);
  if (it == slot_by_id_.end() || items_[it->second].deleted) {
    return nullptr;
  }
  return &items_[it->second];
}

Item& Catalog::item_for_update(const std::string& item_id, UnixSeconds now, bool& created) {
  orders_ = {};
  const auto it = slot_by_id_.find(item_id);
  created = it == slot_by_id_.end() || items_[it->second].deleted;
  if (!created) {
    return items_[it->second];
  }
  Item fresh;
  fresh.item_id = item_id;
  fresh.name = "Item " + item_id;
  fresh.created_time = now;
  fresh.last_modified_time = now;
  if (it != slot_by_id_.end()) {
    Item& revived = items_[it->second];
    apply_position_quirks(fresh, it->second);
    revived = std::move(fresh);
    return revived;
  }
  add_item(std::move(fresh));
  return items_.back();
}

bool Catalog::delete_item(const std::string& item_id) {
  const auto it = slot_by_id_.find(item_id);
  if (it == slot_by_id_.end() || items_[it->second].deleted) {
    return false;
  }
  items_[it->second].deleted = true;
  for (Pricebook& book : pricebooks_) {
    auto& entries = book.entries;
    entries.erase(
        std::remove_if(entries.begin(), entries.end(), [&](const PricebookEntry& e) { return e.item_id == item_id; }),
        entries.end());
  }
  orders_ = {};
  return true;
}

const std::vector<Catalog::OrderEntry>& Catalog::order_by(SortColumn column) const {
  auto& order = orders_[static_cast<std::size_t>(column)];
  if (!order.empty() || items_.empty()) {
    return order;
  }
  std::vector<std::size_t> slots(items_.size());
  std::iota(slots.begin(), slots.end(), std::size_t{0});
  const auto by_id = [this](std::size_t a, std::size_t b) { return id_less(items_[a].item_id, items_[b].item_id); };
  switch (column) {
    case SortColumn::name:
      std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) {
        const int c = items_[a].name.compare(items_[b].name);
        return c != 0 ? c < 0 : by_id(a, b);
      });
      break;
    case SortColumn::last_modified_time:
      std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) {
        const auto ta = items_[a].last_modified_time;
        const auto tb = items_[b].last_modified_time;
        return ta != tb ? ta < tb : by_id(a, b);
      });
      break;
    case SortColumn::created_time:
      std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) {
        const auto ta = items_[a].created_time;
        const auto tb = items_[b].created_time;
        return ta != tb ? ta < tb : by_id(a, b);
      });
      break;
  }
  order.reserve(slots.size());
  for (const std::size_t slot : slots) {
    const Item& item = items_[slot];
    order.push_back({slot, item.last_modified_time, item.active, item.deleted});
  }
  return order;
}

ItemPage Catalog::list_items(const ItemQuery& query) const {
  const auto& order = order_by(query.sort);
  const std::size_t skip = (query.page - 1) * query.per_page;
  ItemPage page;
  page.items.reserve(query.per_page);
  std::size_t matched = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const OrderEntry& entry = order[query.descending ? order.size() - 1 - i : i];
    if (!matches(entry, query)) {
      continue;
    }
    if (matched >= skip + query.per_page) {
      page.has_more_page = true;
      break;
    }
    if (matched >= skip) {
      page.items.push_back(&items_[entry.slot]);
    }
    ++matched;
  }
  return page;
}

std::vector<const Item*> Catalog::live_items() const {
  std::vector<const Item*> live;
  live.reserve(items_.size());
  for (const Item& item : items_) {
    if (!item.deleted) {
      live.push_back(&item);
    }
  }
  return live;
}

const Pricebook* Catalog::find_pricebook(const std::string& pricebook_id) const {
  for (const Pricebook& book : pricebooks_) {
    if (book.pricebook_id == pricebook_id) {
      return &book;
    }
  }
  return nullptr;
}

Pricebook* Catalog::find_pricebook(const std::string& pricebook_id) {
  for (Pricebook& book : pricebooks_) {
    if (book.pricebook_id == pricebook_id) {
      return &book;
    }
  }
  return nullptr;
}

Pricebook& Catalog::pricebook_for_update(const std::string& pricebook_id, bool& created) {
  Pricebook* existing = find_pricebook(pricebook_id);
  created = existing == nullptr;
  if (existing != nullptr) {
    return *existing;
  }
  Pricebook book;
  book.pricebook_id = pricebook_id;
  book.name = "Pricebook " + pricebook_id;
  pricebooks_.push_back(std::move(book));
  return pricebooks_.back();
}

std::vector<LocationStock> Catalog::stock_by_location(const Item& item) const {
  const std::size_t count = std::min(locations_.size(), static_cast<std::size_t>(item.location_count));
  if (count == 0) {
    return {};
  }
  // Shares of all locations but the last, which takes the remainder.
  const std::vector<double> weights = count == 1   ? std::vector<double>{}
                                      : count == 2 ? std::vector<double>{0.7}
                                                   : std::vector<double>{0.6, 0.25};
  const auto on_hand = split(item.stock_on_hand, weights);
  const auto available = split(item.available_stock, weights);
  const auto actual = split(item.actual_available_stock, weights);
  const auto for_sale = split(item.available_for_sale_stock(), weights);
  std::vector<LocationStock> result;
  for (std::size_t i = 0; i < count; ++i) {
    result.push_back({&locations_[i], on_hand[i], available[i], actual[i], for_sale[i]});
  }
  return result;
}

const Adjustment* Catalog::find_adjustment(const std::string& adjustment_id) const {
  for (const Adjustment& adjustment : adjustments_) {
    if (adjustment.id == adjustment_id) {
      return &adjustment;
    }
  }
  return nullptr;
}

void Catalog::warm_caches() const {
  order_by(SortColumn::name);
  order_by(SortColumn::last_modified_time);
  order_by(SortColumn::created_time);
}

}  // namespace zoho_standin
