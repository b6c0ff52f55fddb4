#pragma once

#include "catalog.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace zoho_standin {

// The fields POST /_admin/items/{id} may change. Parsed before anything is touched, so a bad
// request changes nothing.
struct ItemPatch {
  std::optional<std::string> name;
  std::optional<std::string> sku;
  std::optional<std::string> unit;
  std::optional<bool> active;
  std::optional<double> rate;
  std::optional<double> purchase_rate;
  std::optional<double> stock_on_hand;
  std::optional<double> available_stock;
  std::optional<double> actual_available_stock;
  std::optional<bool> has_image;
  std::optional<UnixSeconds> last_modified_time;  // default: now
  std::optional<std::string> item_type;
  std::optional<std::string> product_type;
  std::optional<bool> is_combo;
  std::optional<double> for_sale_stock;
};

// Throw std::invalid_argument naming the bad field.
ItemPatch parse_item_patch(const nlohmann::json& json);
PricebookEntry parse_pricebook_entry(const std::string& item_id, const nlohmann::json& json);
void validate_pricebook_patch(const nlohmann::json& json);

// Stock given without availability moves availability with it; last_modified_time becomes
// `now` unless the patch sets it.
void apply_item_patch(Item& item, const ItemPatch& patch, UnixSeconds now);
// The patch must have passed validate_pricebook_patch.
void apply_pricebook_patch(Pricebook& book, const nlohmann::json& json);

}  // namespace zoho_standin
