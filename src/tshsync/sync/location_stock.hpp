#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace tshsync::sync {

// Whether [zoho].stock_field names a per-location figure
// (location_stock_on_hand, location_available_stock,
// location_available_for_sale_stock): then stock comes from item details.
bool is_location_stock_field(const std::string& stock_field);

// One configured location's figure of each detail record, as records
// merge_stock reads: {item_id, last_modified_time, stock}. The location is
// matched by id, else by name (case-insensitive), in locations[] or in the
// older warehouses[] (warehouse_* names of the same figures). An item without
// that location (or without the figure) gets 0 and is counted in `missing`.
nlohmann::json stock_at_location(const nlohmann::json& details, const std::string& stock_field,
                                 const std::string& location, int64_t& missing);

}  // namespace tshsync::sync
