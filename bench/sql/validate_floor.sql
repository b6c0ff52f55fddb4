-- The floor for `tshsync validate`: each rule of
-- src/tshsync/checks/validation_rules.cpp as the single statement it is, $1
-- (sample ids kept per rule) as :samples. Keep in step with that file.
\set ON_ERROR_STOP on
-- products_without_prices
SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:(:samples)] FROM products p
 WHERE p.is_active AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id);
-- products_without_images
SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:(:samples)] FROM products p
 WHERE p.is_active AND COALESCE(p.image_url, '') = '';
-- products_with_zero_stock
SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:(:samples)] FROM products p
 WHERE p.is_active AND COALESCE(p.stock_quantity, 0) = 0;
-- products_without_zoho_id
SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:(:samples)] FROM products p
 WHERE p.is_active AND COALESCE(p.zoho_item_id, '') = '';
-- products_with_non_positive_price
SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:(:samples)] FROM products p
 WHERE p.is_active AND COALESCE(p.price, 0) <= 0;
-- duplicate_skus
SELECT count(*), (array_agg(p.id ORDER BY p.id))[1:(:samples)] FROM products p
 WHERE p.is_active AND p.sku IN (SELECT d.sku FROM products d WHERE d.is_active AND d.sku <> ''
 GROUP BY d.sku HAVING count(*) > 1);
-- prices_non_positive
SELECT count(*), (array_agg(pp.id ORDER BY pp.id))[1:(:samples)] FROM product_prices pp
 JOIN products p ON p.id = pp.product_id WHERE p.is_active AND pp.price <= 0;
