#include <tshsync/checks/validation_rules.hpp>

namespace tshsync::checks {

// The audit's four rules first, then the ones tshsync adds. Samples are the
// lowest ids, so two runs over the same data agree.
const std::vector<ValidationRule>& validation_rules() {
  static const std::vector<ValidationRule> all{
      {"products_without_prices", "active products with no price in any price list", "error",
       "SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:$1] FROM products p"
       " WHERE p.is_active AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id)"},
      {"products_without_images", "active products without an image URL", "warning",
       "SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:$1] FROM products p"
       " WHERE p.is_active AND COALESCE(p.image_url, '') = ''"},
      {"products_with_zero_stock", "active products with zero stock", "info",
       "SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:$1] FROM products p"
       " WHERE p.is_active AND COALESCE(p.stock_quantity, 0) = 0"},
      {"products_without_zoho_id", "active products not linked to a Zoho item", "error",
       "SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:$1] FROM products p"
       " WHERE p.is_active AND COALESCE(p.zoho_item_id, '') = ''"},
      {"products_with_non_positive_price", "active products whose base price is missing, zero or negative", "warning",
       "SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:$1] FROM products p"
       " WHERE p.is_active AND COALESCE(p.price, 0) <= 0"},
      // Counts every product involved, so one duplicated pair counts 2.
      {"duplicate_skus", "active products sharing a non-empty SKU", "error",
       "SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:$1] FROM products p"
       " WHERE p.is_active AND p.sku IN (SELECT d.sku FROM products d WHERE d.is_active AND d.sku <> ''"
       " GROUP BY d.sku HAVING count(*) > 1)"},
      // Samples are product_prices ids: the rows to correct.
      {"prices_non_positive", "price-list prices of active products that are zero or negative", "warning",
       "SELECT count(*), (array_agg(pp.id ORDER BY pp.id))[1:$1] FROM product_prices pp"
       " JOIN products p ON p.id = pp.product_id WHERE p.is_active AND pp.price <= 0"},
  };
  return all;
}

const ValidationRule* find_rule(std::string_view name) {
  for (const auto& r : validation_rules())
    if (r.name == name) return &r;
  return nullptr;
}

std::string rule_names() {
  std::string out;
  for (const auto& r : validation_rules()) out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

std::string rule_status(const std::string& severity, long long count) {
  if (count == 0) return "pass";
  return severity == "error" ? "fail" : "warn";
}

}  // namespace tshsync::checks
