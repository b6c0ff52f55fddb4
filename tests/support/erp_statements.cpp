#include "support/erp_statements.hpp"

#include <pqxx/pqxx>

namespace tshsync::test {

namespace {

// zoho_entity_handlers.py, ProductHandler (the :name parameters as $n).
const char* const kProductUpsert = R"SQL(
INSERT INTO products (zoho_item_id, name, sku, description, price, stock_quantity, is_active, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, NOW())
ON CONFLICT (zoho_item_id)
DO UPDATE SET
    name = EXCLUDED.name,
    sku = EXCLUDED.sku,
    description = EXCLUDED.description,
    price = EXCLUDED.price,
    stock_quantity = EXCLUDED.stock_quantity,
    is_active = EXCLUDED.is_active,
    updated_at = NOW()
RETURNING id
)SQL";

// zoho_entity_handlers.py, PriceListHandler step 1.
const char* const kPricelistUpsert = R"SQL(
INSERT INTO pricelists (zoho_pricelist_id, name, currency, is_active, updated_at)
VALUES ($1, $2, $3, $4, NOW())
ON CONFLICT (zoho_pricelist_id)
DO UPDATE SET
    name = EXCLUDED.name,
    currency = EXCLUDED.currency,
    is_active = EXCLUDED.is_active,
    updated_at = NOW()
RETURNING id
)SQL";

// PriceListHandler step 2, per item.
const char* const kProductLookup = "SELECT id FROM products WHERE zoho_item_id = $1";
const char* const kPriceUpsert = R"SQL(
INSERT INTO product_prices (product_id, pricelist_id, price, discount_percentage, currency, updated_at)
VALUES ($1, $2, $3, $4, $5, NOW())
ON CONFLICT (product_id, pricelist_id)
DO UPDATE SET
    price = EXCLUDED.price,
    discount_percentage = EXCLUDED.discount_percentage,
    updated_at = NOW()
)SQL";

// SQLAlchemy's INSERT for Product (every NOT NULL column and the Python-side
// defaults of app/models/product.py), and for ProductPrice (app/models/pricing.py).
const char* const kOrmProductInsert = R"SQL(
INSERT INTO products (sku, name, category_id, unit_price, unit_of_measure, min_stock_level, reorder_point, images,
                      videos, is_active, is_trackable, is_digital, is_featured, actual_available_stock, tags,
                      created_at)
VALUES ($1, $2, 1, $3, 'pcs', 0, 0, '[]', '[]', true, true, false, false, 0, '[]', now())
RETURNING id
)SQL";
const char* const kOrmPriceInsert = R"SQL(
INSERT INTO product_prices (product_id, pricing_list_id, price, discount_percentage, minimum_quantity, is_negotiable,
                            created_at, updated_at)
VALUES ($1, $2, $3, 0, 1, true, now(), now())
)SQL";
const char* const kOrmUnitPriceUpdate =
    "UPDATE products SET unit_price = $1, updated_at = now() WHERE products.id = $2";

}  // namespace

std::string erp_product_handler(TestDatabase& db, const std::string& zoho_item_id, const std::string& name,
                                const std::string& sku, double rate, long stock_on_hand) {
  pqxx::work tx(db.conn());
  std::string id =
      tx.exec_params(kProductUpsert, zoho_item_id, name, sku, "", rate, stock_on_hand, true)[0][0].as<std::string>();
  tx.commit();
  return id;
}

void erp_pricelist_handler(TestDatabase& db, const std::string& zoho_pricelist_id, const std::string& name,
                           const std::string& currency, const std::vector<ErpPriceItem>& items) {
  pqxx::work tx(db.conn());
  const std::string list_id =
      tx.exec_params(kPricelistUpsert, zoho_pricelist_id, name, currency, true)[0][0].as<std::string>();
  for (const auto& item : items) {
    const auto product = tx.exec_params(kProductLookup, item.item_id);
    if (product.empty()) continue;  // "Product not found for item_id ..., skipping price"
    tx.exec_params(kPriceUpsert, product[0][0].as<std::string>(), list_id, item.rate, item.discount_percentage,
                   currency);
  }
  tx.commit();
}

std::string erp_orm_add_product(TestDatabase& db, const std::string& sku, const std::string& name, double unit_price,
                                int pricing_list_id) {
  std::string id;
  {
    pqxx::work tx(db.conn());
    id = tx.exec_params(kOrmProductInsert, sku, name, unit_price)[0][0].as<std::string>();
    tx.commit();
  }
  pqxx::work tx(db.conn());
  tx.exec_params(kOrmPriceInsert, id, pricing_list_id, unit_price);
  tx.commit();
  return id;
}

void erp_orm_set_unit_price(TestDatabase& db, const std::string& product_id, double unit_price) {
  pqxx::work tx(db.conn());
  tx.exec_params(kOrmUnitPriceUpdate, unit_price, product_id);
  tx.commit();
}

}  // namespace tshsync::test
