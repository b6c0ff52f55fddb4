-- The audit's production shape (audit_erp.sql, load it first) plus the
-- columns TSH's live Zoho webhook handlers write, as
-- Qmop1967/tsh-erp-system app/background/zoho_entity_handlers.py has them:
--   ProductHandler:   products (zoho_item_id, name, sku, description, price,
--                     stock_quantity, is_active, updated_at) ON CONFLICT (zoho_item_id)
--   PriceListHandler: pricelists (zoho_pricelist_id, name, currency, is_active,
--                     updated_at) ON CONFLICT (zoho_pricelist_id);
--                     product_prices (product_id, pricelist_id, price,
--                     discount_percentage, currency, updated_at)
--                     ON CONFLICT (product_id, pricelist_id)
-- Their ON CONFLICT targets need these unique constraints to exist.
ALTER TABLE products ADD COLUMN description text;
ALTER TABLE pricelists ADD COLUMN zoho_pricelist_id varchar(100) UNIQUE;
ALTER TABLE pricelists ADD COLUMN is_active boolean DEFAULT true;
ALTER TABLE pricelists ADD COLUMN updated_at timestamptz DEFAULT now();
ALTER TABLE product_prices ADD COLUMN discount_percentage numeric(5,2) DEFAULT 0;

-- The handler keyed the audit's three lists on their Zoho pricebook ids.
UPDATE pricelists SET zoho_pricelist_id = zoho_pricebook_id;
UPDATE products SET description = 'Imported ' || name WHERE id % 5 = 0;
