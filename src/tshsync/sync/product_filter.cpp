#include <tshsync/sync/product_filter.hpp>

#include <algorithm>

namespace tshsync::sync {

namespace {

bool listed_or_unknown(const std::string& value, const std::vector<std::string>& allowed) {
  return value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

ProductFilter ProductFilter::from_config(const core::ZohoConfig& zoho) {
  return {zoho.item_types, zoho.product_types, zoho.include_combos};
}

bool is_product(const zoho::Item& item, const ProductFilter& filter) {
  if (item.is_combo && !filter.include_combos) return false;
  return listed_or_unknown(item.item_type, filter.item_types) &&
         listed_or_unknown(item.product_type, filter.product_types);
}

}  // namespace tshsync::sync
