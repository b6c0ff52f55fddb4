#include <tshsync/db/erp_adoption.hpp>

#include <pqxx/pqxx>

#include <tshsync/db/erp_schema.hpp>
#include <tshsync/util/replace_all.hpp>

namespace tshsync::db {

namespace {

// The trigger function. It never fails the statement that fired it: the
// insert runs in its own block and any error (an ERP constraint, a missing
// column) only leaves the product unpriced, which validate and
// backfill-prices report. %BASE%: the base price column; %COLUMNS% /
// %VALUES%: [erp.product_prices.insert_defaults]; %CURRENCY%: the currency of
// a list that names none. Ids take the tables' own types (%TYPE), so integer,
// bigint and uuid keys all work.
constexpr const char* kGuardFunction = R"SQL(
CREATE OR REPLACE FUNCTION tshsync_product_price_guard()
RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    v_product_id products.id%TYPE;
    v_list_id    pricelists.id%TYPE;
    v_active     boolean;
    v_price      numeric;
    v_currency   text;
BEGIN
    IF TG_TABLE_NAME = 'products' THEN
        v_product_id := NEW.id;
    ELSE
        v_product_id := OLD.product_id;
    END IF;
    BEGIN
        SELECT is_active, %BASE% INTO v_active, v_price FROM products WHERE id = v_product_id;
        IF NOT FOUND OR v_active IS NOT TRUE OR v_price IS NULL OR v_price <= 0 THEN
            RETURN NULL;
        END IF;
        IF EXISTS (SELECT 1 FROM product_prices WHERE product_id = v_product_id) THEN
            RETURN NULL;
        END IF;
        SELECT l.id, l.currency INTO v_list_id, v_currency
        FROM pricelists l
        WHERE l.name = COALESCE((SELECT value FROM tshsync_settings WHERE key = 'default_pricelist'), 'Consumer');
        IF v_list_id IS NULL THEN
            RETURN NULL;  -- no default list: validate reports the product
        END IF;
        INSERT INTO product_prices (product_id, pricelist_id, price, currency, source%COLUMNS%)
        VALUES (v_product_id, v_list_id, v_price, COALESCE(v_currency, %CURRENCY%), 'backfill'%VALUES%)
        ON CONFLICT (product_id, pricelist_id) DO NOTHING;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'tshsync: product % left without a price: %', v_product_id, SQLERRM;
    END;
    RETURN NULL;
END $fn$
)SQL";

constexpr const char* kTriggers = R"SQL(
DROP TRIGGER IF EXISTS tshsync_ensure_product_price ON products;
CREATE CONSTRAINT TRIGGER tshsync_ensure_product_price
    AFTER INSERT OR UPDATE OF is_active, %BASE% ON products
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.is_active AND NEW.%BASE% > 0)
    EXECUTE FUNCTION tshsync_product_price_guard();
DROP TRIGGER IF EXISTS tshsync_keep_product_price ON product_prices;
CREATE CONSTRAINT TRIGGER tshsync_keep_product_price
    AFTER DELETE OR UPDATE OF product_id ON product_prices
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    EXECUTE FUNCTION tshsync_product_price_guard();
)SQL";

constexpr const char* kDropTriggers = R"SQL(
DROP TRIGGER IF EXISTS tshsync_ensure_product_price ON products;
DROP TRIGGER IF EXISTS tshsync_keep_product_price ON product_prices;
)SQL";

}  // namespace

void adopt_erp(pqxx::transaction_base& tx, const core::ErpConfig& config) {
  const ErpMapping mapping = erp_mapping(tx, config);
  // The ERP's own handler upserts ON CONFLICT on this column: it normally has
  // the index already, and then nothing is created.
  tx.exec_params("SELECT tshsync_ensure_unique('pricelists', ARRAY[$1::text], $2)", mapping.pricelist_zoho_id_column,
                 "pricelists_" + mapping.pricelist_zoho_id_column + "_key");
  if (!config.price_trigger) {
    tx.exec(kDropTriggers);
    return;
  }
  std::string columns;
  std::string values;
  for (const auto& d : mapping.product_price_defaults) {
    columns += ", " + quote_ident(d.column);
    // DDL takes no parameters: the value is quoted by libpq's escaping.
    values += ", CAST(" + tx.quote(d.value) + " AS " + d.type + ")";
  }
  const std::string base = quote_ident(mapping.base_price_column());
  // The constant first: a configured value may hold any text, "%CURRENCY%" too.
  std::string function = util::replace_all(kGuardFunction, "%CURRENCY%", tx.quote(core::kDefaultCurrency));
  function = util::replace_all(function, "%BASE%", base);
  function = util::replace_all(function, "%COLUMNS%", columns);
  tx.exec(util::replace_all(function, "%VALUES%", values));
  tx.exec(util::replace_all(kTriggers, "%BASE%", base));
}

}  // namespace tshsync::db
