#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::sync {

// What an organization's GET /items was seen to honour. Books documents
// neither the last_modified_time filter nor sort_column=last_modified_time on
// /items (only name, rate, tax_name); Inventory documents both. Kept in
// tshsync_state as "strategy.<pull>" so later runs start with what works.
struct ListingBehaviour {
  std::optional<bool> filter;  // last_modified_time honoured; unknown until a page could show it
  std::optional<bool> sort;    // sort_column=last_modified_time honoured
  std::string checked_at;      // when it was last seen (UTC, ISO 8601)

  nlohmann::json to_json() const;
  static ListingBehaviour from_json(const nlohmann::json& value);
};

// The incremental strategy the behaviour allows, cheapest first; its cost per
// run for a catalog of N items of which C changed (README, man page):
//   "keyed"          filter and sort honoured: ceil(C/200) + 1 list calls
//   "filtered_pages" filter honoured, no sort: ceil(C/200) list calls, the cursor moves at the end
//   "full_scan"      filter ignored: ceil(N/200) list calls, every run
// A --full run is "full" (ceil(N/200)), the first run without a cursor "from_start".
std::string strategy_name(const ListingBehaviour& behaviour, bool full, bool from_start);

std::optional<ListingBehaviour> read_behaviour(pqxx::transaction_base& tx, const std::string& pull);
void save_behaviour(pqxx::transaction_base& tx, const std::string& pull, const ListingBehaviour& behaviour);

}  // namespace tshsync::sync
