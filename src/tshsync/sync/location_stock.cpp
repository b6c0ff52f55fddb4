#include <tshsync/sync/location_stock.hpp>

#include <algorithm>
#include <cctype>

#include <tshsync/util/ascii.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

// The entry of `record` for the location, from locations[] or warehouses[];
// `prefix` says which spelling it uses.
const nlohmann::json* find_location(const nlohmann::json& record, const std::string& wanted, std::string& prefix) {
  const std::string wanted_name = util::ascii_lower(wanted);
  for (const std::string candidate : {"location", "warehouse"}) {
    const nlohmann::json* list = zoho::find_field(record, candidate + "s");
    if (list == nullptr || !list->is_array()) continue;
    const nlohmann::json* by_name = nullptr;
    for (const auto& entry : *list) {
      if (zoho::text_field(entry, (candidate + "_id").c_str()) == wanted) {
        prefix = candidate;
        return &entry;
      }
      if (by_name == nullptr &&
          util::ascii_lower(zoho::text_field(entry, (candidate + "_name").c_str())) == wanted_name)
        by_name = &entry;
    }
    if (by_name != nullptr) {
      prefix = candidate;
      return by_name;
    }
  }
  return nullptr;
}

}  // namespace

bool is_location_stock_field(const std::string& stock_field) { return stock_field.rfind("location_", 0) == 0; }

nlohmann::json stock_at_location(const nlohmann::json& details, const std::string& stock_field,
                                 const std::string& location, int64_t& missing) {
  nlohmann::json records = nlohmann::json::array();
  if (!details.is_array()) return records;
  // "location_available_for_sale_stock" -> "available_for_sale_stock"
  const std::string figure = stock_field.substr(std::string("location_").size());
  for (const auto& record : details) {
    if (!record.is_object()) continue;
    nlohmann::json row = {{"item_id", record.contains("item_id") ? record["item_id"] : nlohmann::json()},
                          {"last_modified_time", zoho::text_field(record, "last_modified_time")},
                          {"stock", 0}};
    std::string prefix;
    const nlohmann::json* entry = find_location(record, location, prefix);
    const nlohmann::json* value = entry != nullptr ? zoho::find_field(*entry, prefix + "_" + figure) : nullptr;
    if (value == nullptr || value->is_null() || (value->is_string() && value->get<std::string>().empty())) {
      ++missing;
    } else {
      row["stock"] = *value;  // merge_stock checks that it is a number
    }
    records.push_back(std::move(row));
  }
  return records;
}

}  // namespace tshsync::sync
