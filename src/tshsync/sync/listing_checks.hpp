#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace tshsync::sync {

// What makes a listing of Zoho items trustworthy enough to deactivate what it
// did not contain: no page served twice, no page past the cap, no item seen at
// two positions of a page-number walk, as many items as Zoho says it holds.
// A repeated page or a runaway page count ends the run (exit 69); a walk that
// merely looks inconsistent is remembered, so the run deactivates nothing.
class ListingChecks {
 public:
  explicit ListingChecks(int64_t max_pages) : max_pages_(max_pages) {}

  // The request for `page` of `path` returned `items`. False when the same
  // ids, in the same order, came back as an earlier page (the caller asks
  // once more, then calls fail_repeated). Throws 69 past the page cap and for
  // an empty page that claims more pages.
  bool accept_page(const std::string& path, int page, const nlohmann::json& items, bool has_more);
  [[noreturn]] void fail_repeated(const std::string& path, int page) const;

  // A page of a page-number walk: each item's position (page, index) must
  // not change while the walk runs.
  void note_positions(int page, const nlohmann::json& items);
  // page_context.total (or count) when Zoho reports one.
  void note_reported_total(const nlohmann::json& page_context);
  // Distinct item ids seen, for the reported total.
  void note_ids(const nlohmann::json& items);

  // The walk starts over (page numbers instead of keys): earlier pages and
  // positions no longer count, the page cap still does.
  void restart();

  // Why the complete listing cannot be trusted, none when it can.
  std::optional<std::string> distrust() const;

 private:
  int64_t max_pages_;
  int64_t pages_ = 0;
  std::unordered_set<std::string> page_fingerprints_;
  std::unordered_map<std::string, int64_t> positions_;
  std::unordered_set<std::string> ids_;
  std::optional<int64_t> reported_total_;
  std::optional<std::string> distrust_;
};

// The page cap of a listing: the configured floor, or twice the pages the
// known catalog needs, whichever is larger.
int64_t listing_page_cap(int64_t configured_floor, int64_t known_items);

}  // namespace tshsync::sync
