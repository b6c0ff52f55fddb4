#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include <tshsync/sync/listing_checks.hpp>
#include <tshsync/util/time_format.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

// Where a listing of GET /items stands; saved in checkpoints.
struct ListingPosition {
  std::optional<util::SystemTime> since;  // last_modified_time filter; none: from the beginning
  int page = 1;
  bool sorted = true;  // ascending by last_modified_time (false: Zoho ignored or refused the sort)
  std::optional<util::SystemTime> max_seen;  // newest last_modified_time returned so far

  nlohmann::json to_json() const;
  static std::optional<ListingPosition> from_json(const nlohmann::json& value);
};

// Walks every item (filter_by=Status.All) modified since a time, one page of
// 200 at a time, oldest first. Pages are keyed by time, not by number: each
// request asks for items modified since one second before the newest item of
// the page before (a second of overlap makes ">=" and ">" servers agree;
// re-merging the overlap changes nothing). Items edited during the walk move
// to its end instead of shifting later pages, so none is skipped. When more
// than a page shares one second, it pages by number within that second.
// A server that does not sort (or refuses sort_column) is walked by page
// number instead, and the cursor moves only once the walk is complete.
class ItemListing {
 public:
  // `max_pages`: the page cap (listing_page_cap).
  ItemListing(zoho::Client& client, ListingPosition start, int64_t max_pages);

  // Fetches the next page into `items`; false when the walk was already complete.
  bool next(nlohmann::json& items);
  bool complete() const { return complete_; }

  // Where to resume once the page last returned has been committed.
  const ListingPosition& resume_at() const { return next_; }

  // Every item modified before this time has been returned: the cursor may
  // move here once the page last returned is committed.
  std::optional<util::SystemTime> complete_before() const;

  int64_t list_calls() const { return calls_; }

  // Why this listing, once complete, cannot prove an item is gone (ListingChecks).
  std::optional<std::string> distrust() const { return checks_.distrust(); }
  // What this walk showed of the server (listing_strategy.hpp): the filter is
  // ignored once an item older than `since` comes back, and honoured when a
  // complete filtered walk returned none; sort refused or ignored: false.
  std::optional<bool> filter_honoured() const { return filter_honoured_; }
  std::optional<bool> sort_honoured() const { return sort_honoured_; }

 private:
  nlohmann::json fetch(const ListingPosition& at);
  void fall_back_to_page_numbers(const char* why);
  void advance(const ListingPosition& at, const nlohmann::json& items, bool has_more);
  std::unordered_set<std::string> overlap_with_next(const nlohmann::json& items) const;

  zoho::Client& client_;
  ListingPosition start_;
  ListingPosition next_;
  std::optional<util::SystemTime> page_newest_;
  // "item_id last_modified_time" of the items the next keyed request will
  // return again, so they are not applied (nor counted) twice.
  std::unordered_set<std::string> overlap_;
  bool complete_ = false;
  int64_t calls_ = 0;
  ListingChecks checks_;
  std::optional<bool> filter_honoured_;
  std::optional<bool> sort_honoured_;
};

}  // namespace tshsync::sync
