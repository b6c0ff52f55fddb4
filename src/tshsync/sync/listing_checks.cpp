#include <tshsync/sync/listing_checks.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <tshsync/core/error.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

constexpr int64_t kPerPage = 200;

std::string id_of(const nlohmann::json& item) { return zoho::text_field(item, "item_id"); }

}  // namespace

bool ListingChecks::accept_page(const std::string& path, int page, const nlohmann::json& items, bool has_more) {
  if (++pages_ > max_pages_) {
    throw core::unavailable_error(fmt::format(
        "Zoho's {} listing passed {} pages (page {}), more than the catalog can hold; stopping it (a server "
        "that never ends the listing)",
        path, max_pages_, page));
  }
  if (items.empty()) {
    if (has_more)
      throw core::unavailable_error(
          fmt::format("Zoho sent an empty page {} of {} that claims more pages; stopping the listing", page, path));
    return true;
  }
  std::string fingerprint;
  for (const auto& item : items) fingerprint += id_of(item) + ",";
  return page_fingerprints_.insert(std::move(fingerprint)).second;
}

void ListingChecks::fail_repeated(const std::string& path, int page) const {
  throw core::unavailable_error(
      fmt::format("Zoho served page {} of {} with the same items as an earlier page, twice (a stale cache or replica); "
                  "stopping the listing, nothing deactivated",
                  page, path));
}

void ListingChecks::note_positions(int page, const nlohmann::json& items) {
  int64_t index = 0;
  for (const auto& item : items) {
    const int64_t position = static_cast<int64_t>(page) * 100000 + index++;
    const auto [at, fresh] = positions_.emplace(id_of(item), position);
    if (!fresh && at->second != position && !distrust_) {
      distrust_ = fmt::format("item {} moved from page {} to page {} while the listing ran by page number", at->first,
                              at->second / 100000, page);
    }
  }
}

void ListingChecks::restart() {
  page_fingerprints_.clear();
  positions_.clear();
  ids_.clear();
}

void ListingChecks::note_reported_total(const nlohmann::json& page_context) {
  for (const char* key : {"total", "count"}) {
    const nlohmann::json* total = zoho::find_field(page_context, key);
    if (total != nullptr && total->is_number_integer()) reported_total_ = total->get<int64_t>();
  }
}

void ListingChecks::note_ids(const nlohmann::json& items) {
  for (const auto& item : items) ids_.insert(id_of(item));
}

std::optional<std::string> ListingChecks::distrust() const {
  if (distrust_) return distrust_;
  if (reported_total_ && static_cast<int64_t>(ids_.size()) < *reported_total_)
    return fmt::format("the listing held {} items but Zoho reports {}", ids_.size(), *reported_total_);
  return std::nullopt;
}

int64_t listing_page_cap(int64_t configured_floor, int64_t known_items) {
  return std::max(configured_floor, 2 * ((known_items + kPerPage - 1) / kPerPage));
}

}  // namespace tshsync::sync
