-- The floor for `tshsync pull-products --full`: the same rows (exported from a
-- tshsync run, fed on stdin) copied into a staging table and merged into
-- products with one INSERT ... ON CONFLICT, in one transaction.
-- psql -f pull_floor.sql < rows.tsv
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE stage (zoho_item_id text, name text, sku text, price numeric, is_active boolean,
                         image_url text, modified_at timestamptz, stock numeric) ON COMMIT DROP;
\copy stage FROM pstdin
INSERT INTO products AS p (zoho_item_id, name, sku, price, is_active, image_url, zoho_last_modified_at,
                           stock_quantity)
SELECT zoho_item_id, name, sku, price, is_active, image_url, modified_at, stock FROM stage
ON CONFLICT (zoho_item_id) DO UPDATE
  SET name = EXCLUDED.name, sku = EXCLUDED.sku, price = EXCLUDED.price, is_active = EXCLUDED.is_active,
      image_url = EXCLUDED.image_url, zoho_last_modified_at = EXCLUDED.zoho_last_modified_at,
      updated_at = now();
COMMIT;
