#include <tshsync/webhooks/zoho_refresh.hpp>

#include <algorithm>

#include <pqxx/pqxx>

#include <tshsync/sync/item_merge.hpp>
#include <tshsync/sync/pricebook_merge.hpp>
#include <tshsync/sync/stock_merge.hpp>
#include <tshsync/webhooks/payload_ids.hpp>
#include <tshsync/zoho/client.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::webhooks {

ZohoRefresher::ZohoRefresher(const core::Config& config, pqxx::connection& conn, const core::CancelToken* cancel)
    : config_(config), conn_(conn), cancel_(cancel) {}

ZohoRefresher::~ZohoRefresher() = default;

zoho::Client& ZohoRefresher::client() {
  if (!client_) {
    client_ = std::make_unique<zoho::Client>(config_.zoho, config_.database.dsn, cancel_);
    client_->count_calls_as(zoho::call_share(config_.zoho, "replay-dlq", std::chrono::system_clock::now()));
  }
  return *client_;
}

int64_t ZohoRefresher::api_calls() const { return client_ ? client_->api_calls() : 0; }

std::string ZohoRefresher::replay(const ReplayRoute& route) {
  switch (route.action) {
    case ReplayAction::refetch_item:
      return refetch_item(route.record_id);
    case ReplayAction::refresh_stock:
      return refresh_stock(route);
    case ReplayAction::refresh_pricebook:
      return refresh_pricebook(route.record_id);
    default:
      throw std::logic_error("not a Zoho-side event");
  }
}

std::string ZohoRefresher::refetch_item(const std::string& item_id) {
  const std::string key = "item:" + item_id;
  if (const auto it = done_.find(key); it != done_.end()) return it->second;
  std::string resolution = "refetched";
  const auto envelope = client().get_if_exists("/items/" + item_id);
  if (!envelope) {
    sync::deactivate_item(conn_, item_id);
    resolution = "deactivated";
  } else {
    const auto item = envelope->find("item");
    if (item == envelope->end() || !item->is_object())
      throw AttemptFailed("Zoho's answer for item " + item_id + " holds no item");
    const sync::MergeCounts counts = sync::apply_items(conn_, nlohmann::json::array({*item}),
                                                       sync::ApplyOptions::from_config(config_.zoho, config_.erp));
    if (counts.failed > 0) throw AttemptFailed("Zoho's record of item " + item_id + " could not be applied");
  }
  done_[key] = resolution;
  return resolution;
}

std::vector<std::string> ZohoRefresher::adjustment_items(const std::string& adjustment_id) {
  const auto envelope = client().get_if_exists("/inventoryadjustments/" + adjustment_id);
  if (!envelope)
    throw NeedsHuman("Zoho has no inventory adjustment " + adjustment_id +
                     " and the payload names no items: check the stock of the items it touched");
  return find_line_item_ids(*envelope, "inventory_adjustment");
}

std::string ZohoRefresher::refresh_stock(const ReplayRoute& route) {
  std::vector<std::string> ids = route.item_ids.empty() ? adjustment_items(route.record_id) : route.item_ids;
  // Items whose stock this run already refreshed are current.
  ids.erase(
      std::remove_if(ids.begin(), ids.end(), [this](const std::string& id) { return done_.count("stock:" + id); }),
      ids.end());
  if (ids.empty()) return "refetched";
  // Per-location stock stays pull-stock --locations' business.
  const sync::StockCounts counts =
      sync::refresh_stock(client(), conn_, ids, sync::StockOptions::from_config(config_.zoho, false, config_.erp));
  if (counts.failed > 0)
    throw AttemptFailed(std::to_string(counts.failed) +
                        " of Zoho's item records for this adjustment could not be applied");
  for (const auto& id : ids) done_["stock:" + id] = "refetched";
  return "refetched";
}

std::string ZohoRefresher::refresh_pricebook(const std::string& pricebook_id) {
  const std::string key = "pricebook:" + pricebook_id;
  if (const auto it = done_.find(key); it != done_.end()) return it->second;
  sync::PriceOptions options;
  options.default_currency = config_.sync.default_currency;
  options.mass_changes.max_share = config_.sync.max_change_share;  // a replay never allows mass changes
  options.erp = config_.erp;
  sync::PriceCounts counts;
  try {
    counts = sync::refresh_pricebook(client(), conn_, pricebook_id, options);
  } catch (const zoho::RecordError& e) {
    throw AttemptFailed("Zoho's price list " + pricebook_id + " could not be applied: " + e.reason());
  }
  if (counts.failed > 0)
    throw AttemptFailed(std::to_string(counts.failed) + " rows of Zoho's price list " + pricebook_id +
                        " could not be applied");
  std::string resolution = counts.pricelists_deactivated > 0 ? "deactivated" : "refetched";
  done_[key] = resolution;
  return resolution;
}

}  // namespace tshsync::webhooks
