#pragma once

#include <string>
#include <vector>

#include <tshsync/core/config.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

// Which Zoho items are products the ERP sells ([zoho].item_types,
// product_types, include_combos). Items that do not qualify are kept as
// inactive products, like items Zoho deleted. Defaults are [zoho]'s.
struct ProductFilter {
  std::vector<std::string> item_types = core::ZohoConfig{}.item_types;
  std::vector<std::string> product_types = core::ZohoConfig{}.product_types;
  bool include_combos = core::ZohoConfig{}.include_combos;

  static ProductFilter from_config(const core::ZohoConfig& zoho);
};

// An item whose item_type or product_type Zoho does not send (Books' list may
// omit them) is not excluded for it.
bool is_product(const zoho::Item& item, const ProductFilter& filter);

}  // namespace tshsync::sync
