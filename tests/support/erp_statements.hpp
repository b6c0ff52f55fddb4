#pragma once

#include <string>
#include <vector>

#include "support/test_db.hpp"

namespace tshsync::test {

// The statements TSH's ERP runs against its own tables, written from its
// public repository (Qmop1967/tsh-erp-system), not from tshsync's code. Each
// call is one transaction, as the ERP commits them, so tshsync's deferred
// trigger runs too. They throw (pqxx) when the database refuses them.

// app/background/zoho_entity_handlers.py, ProductHandler.sync: the upsert of
// one Zoho item. Returns the product id.
std::string erp_product_handler(TestDatabase& db, const std::string& zoho_item_id, const std::string& name,
                                const std::string& sku, double rate, long stock_on_hand);

struct ErpPriceItem {
  std::string item_id;
  double rate;
  double discount_percentage;
};

// The same file, PriceListHandler.sync: the price list upsert keyed on
// zoho_pricelist_id, then one product_prices upsert per item whose product exists.
void erp_pricelist_handler(TestDatabase& db, const std::string& zoho_pricelist_id, const std::string& name,
                           const std::string& currency, const std::vector<ErpPriceItem>& items);

// The models' shape (app/models/product.py, app/models/pricing.py): what the
// ERP's SQLAlchemy session emits when its screens add a product with a price
// in one of its pricing_lists, and when they change the unit price.
std::string erp_orm_add_product(TestDatabase& db, const std::string& sku, const std::string& name, double unit_price,
                                int pricing_list_id);
void erp_orm_set_unit_price(TestDatabase& db, const std::string& product_id, double unit_price);

}  // namespace tshsync::test
