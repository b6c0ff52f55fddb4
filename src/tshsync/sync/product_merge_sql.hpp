#pragma once

#include <string>
#include <vector>

#include <tshsync/db/erp_schema.hpp>

namespace tshsync::sync {

// The pull-products merge statement for one ERP's mapping: Zoho's rate goes
// to every price column, the image URL to every image column, a new product's
// stock to every stock column, and [erp.products.insert_defaults] fill what
// Zoho leaves empty (on insert; an existing row keeps its own value).
// Parameters: $1 a --full listing's sync type or NULL, $2 extra seen ids
// (text[]), then one per insert default, in `parameters` order.
struct ProductMergeSql {
  std::string sql;
  std::vector<std::string> parameters;  // the insert defaults' values, $3 onwards
};

ProductMergeSql product_merge_sql(const db::ErpMapping& mapping);

}  // namespace tshsync::sync
