#include <tshsync/sync/pricebook_rates.hpp>

#include <vector>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/zoho/errors.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

std::vector<std::string> active_item_ids(pqxx::transaction_base& tx) {
  std::vector<std::string> ids;
  for (const auto& row : tx.exec("SELECT zoho_item_id FROM products WHERE is_active AND zoho_item_id IS NOT NULL "
                                 "ORDER BY id"))
    ids.push_back(row[0].as<std::string>());
  return ids;
}

}  // namespace

bool has_pricebook_items(const zoho::JsonElements& items) {
  // The first element answers; a book of 100,000 items is not read twice.
  struct Found {};
  try {
    items.for_each([](const nlohmann::json&) { throw Found{}; });
  } catch (const Found&) {
    return true;
  }
  return false;
}

std::optional<nlohmann::json> fetch_pricebook_rates(zoho::Client& client, pqxx::transaction_base& tx,
                                                    const std::string& pricebook_id, int64_t& calls) {
  const std::vector<std::string> ids = active_item_ids(tx);
  nlohmann::json rows = nlohmann::json::array();
  for (size_t first = 0; first < ids.size(); first += static_cast<size_t>(kItemRateIdsPerCall)) {
    std::string batch;
    for (size_t i = first; i < ids.size() && i < first + static_cast<size_t>(kItemRateIdsPerCall); ++i)
      batch += (batch.empty() ? "" : ",") + ids[i];
    nlohmann::json body;
    try {
      ++calls;
      body = client.get("/items/pricebookrate", {{"pricebook_id", pricebook_id}, {"item_ids", batch}});
    } catch (const core::Error& e) {
      if (zoho::must_stop(e)) throw;
      core::log_warn("pricebook {}: GET /items/pricebookrate refused ({}); its list is kept as it is", pricebook_id,
                     e.what());
      return std::nullopt;
    }
    const nlohmann::json* items = zoho::find_field(body, "items");
    if (items == nullptr || !items->is_array()) continue;
    for (const auto& item : *items) {
      if (!item.is_object()) continue;
      nlohmann::json row = {{"pricing_scheme", "unit"}};
      if (const auto* id = zoho::find_field(item, "item_id")) row["item_id"] = *id;
      if (const auto* rate = zoho::find_field(item, "pricebook_rate")) row["pricebook_rate"] = *rate;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace tshsync::sync
