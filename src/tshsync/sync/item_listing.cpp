#include <tshsync/sync/item_listing.hpp>

#include <algorithm>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/state.hpp>
#include <tshsync/zoho/errors.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

constexpr std::chrono::seconds kOverlap{1};

std::vector<util::SystemTime> modified_times(const nlohmann::json& items) {
  std::vector<util::SystemTime> times;
  for (const auto& item : items) {
    if (auto t = util::parse_zoho_timestamp(zoho::text_field(item, "last_modified_time"))) times.push_back(*t);
  }
  return times;
}

std::string overlap_key(const nlohmann::json& item) {
  return zoho::text_field(item, "item_id") + " " + zoho::text_field(item, "last_modified_time");
}

}  // namespace

nlohmann::json ListingPosition::to_json() const {
  nlohmann::json value = {{"page", page}, {"sorted", sorted}};
  if (since) value["since"] = epoch_seconds(*since);
  if (max_seen) value["max_seen"] = epoch_seconds(*max_seen);
  return value;
}

std::optional<ListingPosition> ListingPosition::from_json(const nlohmann::json& value) {
  const nlohmann::json* page = zoho::find_field(value, "page");
  if (page == nullptr || !page->is_number_integer()) return std::nullopt;
  ListingPosition position;
  position.page = std::max(1, page->get<int>());
  position.sorted = zoho::bool_field(value, "sorted", true);
  const nlohmann::json* since = zoho::find_field(value, "since");
  if (since != nullptr && since->is_number_integer()) position.since = from_epoch_seconds(since->get<int64_t>());
  const nlohmann::json* max_seen = zoho::find_field(value, "max_seen");
  if (max_seen != nullptr && max_seen->is_number_integer())
    position.max_seen = from_epoch_seconds(max_seen->get<int64_t>());
  return position;
}

ItemListing::ItemListing(zoho::Client& client, ListingPosition start, int64_t max_pages)
    : client_(client), start_(start), next_(start), checks_(max_pages) {}

nlohmann::json ItemListing::fetch(const ListingPosition& at) {
  zoho::Query query{{"filter_by", "Status.All"}, {"page", std::to_string(at.page)}, {"per_page", "200"}};
  if (at.since) query.emplace_back("last_modified_time", util::format_zoho_timestamp(*at.since));
  if (at.sorted) {
    query.emplace_back("sort_column", "last_modified_time");
    query.emplace_back("sort_order", "A");
  }
  ++calls_;
  return client_.get("/items", query);
}

void ItemListing::fall_back_to_page_numbers(const char* why) {
  sort_honoured_ = false;
  core::log_warn("Zoho {}: listing items by page number; the cursor moves when the listing is complete", why);
  const auto max_seen = next_.max_seen;
  checks_.restart();
  next_ = start_;
  next_.page = 1;
  next_.sorted = false;
  next_.max_seen = max_seen;
}

// The items the next keyed request will return again (its second of overlap).
std::unordered_set<std::string> ItemListing::overlap_with_next(const nlohmann::json& items) const {
  std::unordered_set<std::string> keys;
  if (complete_ || !next_.sorted || next_.page != 1 || !next_.since) return keys;
  for (const auto& item : items) {
    const auto time = util::parse_zoho_timestamp(zoho::text_field(item, "last_modified_time"));
    if (time && *time >= *next_.since) keys.insert(overlap_key(item));
  }
  return keys;
}

bool ItemListing::next(nlohmann::json& items) {
  if (complete_) return false;
  const ListingPosition at = next_;
  nlohmann::json body;
  try {
    body = fetch(at);
  } catch (const core::Error& e) {
    // Refusing sort_column shows on the first request; anything else is the caller's.
    if (!at.sorted || calls_ > 1 || zoho::must_stop(e)) throw;
    fall_back_to_page_numbers("refused sort_column=last_modified_time");
    return next(items);
  }
  nlohmann::json* context = nullptr;
  bool has_more = false;
  const auto read_page = [&] {
    nlohmann::json* listed = body.is_object() && body.contains("items") ? &body["items"] : nullptr;
    items = listed != nullptr && listed->is_array() ? std::move(*listed) : nlohmann::json::array();
    context = body.is_object() && body.contains("page_context") ? &body["page_context"] : nullptr;
    has_more = context != nullptr && zoho::bool_field(*context, "has_more_page", false);
  };
  read_page();
  if (!checks_.accept_page("/items", at.page, items, has_more)) {
    // A page seen before: a cache or a lagging replica answered. Ask once more.
    core::log_warn("Zoho served /items page {} with the items of an earlier page; asking again", at.page);
    body = fetch(at);
    read_page();
    if (!checks_.accept_page("/items", at.page, items, has_more)) checks_.fail_repeated("/items", at.page);
  }
  if (!at.sorted) checks_.note_positions(at.page, items);
  if (!start_.since && start_.page == 1) {
    checks_.note_ids(items);
    if (context != nullptr) checks_.note_reported_total(*context);
  }

  if (at.since) {
    for (const auto& t : modified_times(items)) {
      if (t < *at.since - kOverlap) filter_honoured_ = false;  // Books lists everything
    }
  }
  advance(at, items, has_more);
  if (complete_ && at.since && !filter_honoured_) filter_honoured_ = true;
  if (complete_ && start_.sorted && !sort_honoured_) sort_honoured_ = true;
  const std::unordered_set<std::string> applied = std::move(overlap_);
  overlap_ = overlap_with_next(items);
  if (!applied.empty() && at.sorted && at.page == 1) {
    // A keyed request re-reads the second of overlap: drop what was applied already.
    nlohmann::json fresh = nlohmann::json::array();
    for (auto& item : items) {
      if (applied.count(overlap_key(item)) == 0) fresh.push_back(std::move(item));
    }
    items = std::move(fresh);
  }
  return true;
}

void ItemListing::advance(const ListingPosition& at, const nlohmann::json& items, bool has_more) {
  const auto times = modified_times(items);
  page_newest_.reset();
  if (!times.empty()) {
    page_newest_ = *std::max_element(times.begin(), times.end());
    if (!next_.max_seen || *next_.max_seen < *page_newest_) next_.max_seen = page_newest_;
  }
  if (!has_more) {
    complete_ = true;
  } else if (at.sorted && !std::is_sorted(times.begin(), times.end())) {
    page_newest_.reset();
    fall_back_to_page_numbers("did not sort items by last_modified_time");
  } else if (at.sorted && page_newest_ && (!at.since || *page_newest_ - kOverlap > *at.since)) {
    next_.since = *page_newest_ - kOverlap;
    next_.page = 1;
  } else {
    next_.page = at.page + 1;  // a page-number walk, or a whole page within one second: page through that second
  }
}

std::optional<util::SystemTime> ItemListing::complete_before() const {
  if (next_.sorted) return page_newest_;
  return complete_ ? next_.max_seen : std::nullopt;
}

}  // namespace tshsync::sync
