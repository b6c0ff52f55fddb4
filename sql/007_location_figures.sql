-- tshsync 007: every stock figure Zoho gives per location, not only on hand
-- and available. TSH sells from location_available_for_sale_stock of one
-- location; the others are kept so the ERP can show what Zoho shows.
-- Idempotent like every migration.
ALTER TABLE product_stock_locations ADD COLUMN IF NOT EXISTS actual_available_stock numeric;
ALTER TABLE product_stock_locations ADD COLUMN IF NOT EXISTS committed_stock numeric;
ALTER TABLE product_stock_locations ADD COLUMN IF NOT EXISTS available_for_sale_stock numeric;
ALTER TABLE product_stock_locations ADD COLUMN IF NOT EXISTS actual_available_for_sale_stock numeric;
ALTER TABLE product_stock_locations ADD COLUMN IF NOT EXISTS quantity_in_transit numeric;
