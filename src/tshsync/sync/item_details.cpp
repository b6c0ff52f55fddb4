#include <tshsync/sync/item_details.hpp>

#include <tshsync/core/log.hpp>
#include <tshsync/zoho/errors.hpp>

namespace tshsync::sync {

namespace {

void append_records(nlohmann::json& from, nlohmann::json& out) {
  if (!from.is_array()) return;
  for (auto& record : from) out.push_back(std::move(record));
}

}  // namespace

bool ItemDetailsFetcher::fetch_batch(const std::vector<std::string>& ids, nlohmann::json& out) {
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : ",") + id;
  std::optional<nlohmann::json> body;
  try {
    ++calls_;
    body = client_.get_if_exists("/itemdetails", {{"item_ids", joined}});
  } catch (const core::Error& e) {
    if (zoho::must_stop(e)) throw;
    core::log_warn("GET /itemdetails failed ({}); fetching item details one item at a time", e.what());
    return false;
  }
  if (!body) {
    core::log_warn("Zoho has no /itemdetails here; fetching item details one item at a time");
    return false;
  }
  append_records((*body)["items"], out);
  return true;
}

void ItemDetailsFetcher::fetch_one(const std::string& id, nlohmann::json& out) {
  ++calls_;
  auto body = client_.get_if_exists("/items/" + id);
  if (body && (*body)["item"].is_object()) out.push_back(std::move((*body)["item"]));
}

nlohmann::json ItemDetailsFetcher::fetch(const std::vector<std::string>& item_ids) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t first = 0; first < item_ids.size(); first += kBatch) {
    const auto begin = item_ids.begin() + static_cast<std::ptrdiff_t>(first);
    const std::vector<std::string> batch(
        begin, begin + static_cast<std::ptrdiff_t>(std::min(kBatch, item_ids.size() - first)));
    if (!per_item_ && fetch_batch(batch, out)) continue;
    per_item_ = true;
    for (const auto& id : batch) fetch_one(id, out);
  }
  return out;
}

}  // namespace tshsync::sync
