#include <tshsync/sync/pull_prices_cost.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <tshsync/sync/pricebook_rates.hpp>
#include <tshsync/sync/state.hpp>

namespace tshsync::sync {

namespace {

const char* const kKey = "pull-prices.listing";

int64_t count_of(const nlohmann::json& state, const char* key) {
  const auto found = state.find(key);
  return found != state.end() && found->is_number_integer() ? std::max<int64_t>(0, found->get<int64_t>()) : 0;
}

}  // namespace

void remember_listing_calls(pqxx::connection& conn, const ListingCalls& calls) {
  pqxx::work tx(conn);
  SavedProgress saved;
  saved.checkpoint_key = kKey;
  saved.checkpoint = nlohmann::json{
      {"list", calls.list}, {"details", calls.details}, {"books_by_item_rates", calls.books_by_item_rates}};
  save_progress(tx, saved);
  tx.commit();
}

int64_t estimate_listing_calls(pqxx::transaction_base& tx) {
  const auto state = read_state(tx, kKey);
  if (!state || !state->is_object())
    return 1 + tx.exec("SELECT count(*) FROM pricelists WHERE is_active")[0][0].as<int64_t>();
  const int64_t products =
      tx.exec("SELECT count(*) FROM products WHERE is_active AND zoho_item_id IS NOT NULL")[0][0].as<int64_t>();
  const int64_t rate_calls = (products + kItemRateIdsPerCall - 1) / kItemRateIdsPerCall;
  return std::max<int64_t>(1, count_of(*state, "list")) + count_of(*state, "details") +
         count_of(*state, "books_by_item_rates") * rate_calls;
}

}  // namespace tshsync::sync
