#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/zoho/client.hpp>
#include <tshsync/zoho/json_elements.hpp>

namespace tshsync::sync {

// Whether a detail's pricebook_items has at least one element. An absent or
// empty list is no proof that the book is empty: Zoho Inventory's detail
// "may not return items" (TSH's storefront code), so it never deletes prices.
bool has_pricebook_items(const zoho::JsonElements& items);

// Ids per GET /items/pricebookrate call (what TSH's storefront sends).
inline constexpr int64_t kItemRateIdsPerCall = 100;

// A per_item book's rows as Books' GET /items/pricebookrate gives them for the
// ERP's active products, 100 ids a call: [{item_id, pricebook_rate}], the price
// Zoho gives each item under the book. nullopt when Zoho refuses the endpoint
// (then the list is kept as it is). Ends the run on errors that must (budget,
// credentials). `calls` counts the requests made.
std::optional<nlohmann::json> fetch_pricebook_rates(zoho::Client& client, pqxx::transaction_base& tx,
                                                    const std::string& pricebook_id, int64_t& calls);

}  // namespace tshsync::sync
