-- The ERP data validate and health judge: :products products shaped like the
-- audit's (about 3% inactive, 5% without an image, 10% zero stock, a few
-- duplicate SKUs and non-positive prices), three price lists with prices for
-- about 87% of products, sync history, a dead-letter backlog. The webhook
-- logs come from webhook_logs.sql.  psql -v products=N -f checks_data.sql
\set ON_ERROR_STOP on
BEGIN;
-- An ERP whose unpriced products predate tshsync's price guard: the deferred
-- trigger would otherwise give every one of them a backfilled price.
SET LOCAL session_replication_role = replica;

INSERT INTO pricelists (name, zoho_pricebook_id, currency, pricebook_type) VALUES
    ('Consumer', '4815000000070001', 'IQD', 'per_item'),
    ('Wholesale', '4815000000070002', 'IQD', 'per_item'),
    ('Retailer USD', '4815000000070003', 'USD', 'per_item');

INSERT INTO products (zoho_item_id, name, sku, price, stock_quantity, image_url, is_active,
                     zoho_last_modified_at, created_at, updated_at)
SELECT (4815000001000001 + 1000 * g)::text,
       (ARRAY['Samsung', 'Anker', 'Xiaomi', 'Baseus', 'Ugreen', 'Apple', 'Huawei'])[1 + g % 7] || ' ' ||
       (ARRAY['65W Charger USB-C', 'Power Bank 20000mAh', 'Lightning Cable 1m', 'Earbuds Pro',
              'Screen Protector', 'Car Holder', 'HDMI Adapter'])[1 + (g / 7) % 7] || ' #' || g,
       'TSH-' || lpad((CASE WHEN g % 20000 = 0 THEN g - 1 ELSE g END)::text, 6, '0'),  -- duplicate SKUs
       CASE WHEN g % 997 = 0 THEN 0 ELSE ((g * 7919) % 400 + 1) * 250 END,
       CASE WHEN g % 10 = 3 THEN 0 ELSE (g * 31) % 500 END,
       CASE WHEN g % 20 = 7 THEN NULL ELSE 'https://img.tsh.example/items/' || g || '.jpg' END,
       g % 33 <> 0,
       timestamptz '2025-01-01 00:00+03' + (g % 300) * interval '1 day',
       timestamptz '2024-01-01 00:00+03' + (g % 700) * interval '1 hour',
       now() - (g % 1000) * interval '1 minute'
FROM generate_series(1, :products) AS g;

-- Consumer: 85%; Wholesale: 30%; Retailer USD: 10%; some products in none.
INSERT INTO product_prices (product_id, pricelist_id, price, currency, source)
SELECT p.id, l.id, CASE WHEN p.id % 1500 = 0 THEN 0 ELSE p.price END, 'IQD', 'zoho'
FROM products p JOIN pricelists l ON l.name = 'Consumer' WHERE p.id % 20 NOT IN (1, 5, 9);
INSERT INTO product_prices (product_id, pricelist_id, price, currency, source, price_brackets)
SELECT p.id, l.id, p.price * 0.9, 'IQD', 'zoho',
       CASE WHEN p.id % 50 = 0 THEN jsonb_build_array(
           jsonb_build_object('start_quantity', 1, 'end_quantity', 9, 'pricebook_rate', p.price * 0.9),
           jsonb_build_object('start_quantity', 10, 'end_quantity', 0, 'pricebook_rate', p.price * 0.8)) END
FROM products p JOIN pricelists l ON l.name = 'Wholesale' WHERE p.id % 10 IN (0, 2, 4) ;
INSERT INTO product_prices (product_id, pricelist_id, price, currency, source)
SELECT p.id, l.id, round(p.price / 1310.0, 2), 'USD', 'zoho'
FROM products p JOIN pricelists l ON l.name = 'Retailer USD' WHERE p.id % 10 = 6;

-- Sync history: four commands every 15 minutes for two days, a few failures,
-- three runs stuck in_progress.
INSERT INTO sync_logs (sync_type, status, records_synced, error_message, created_at, finished_at)
SELECT c.name,
       CASE WHEN n % 40 = 0 THEN 'failed' ELSE 'success' END,
       n % 50,
       CASE WHEN n % 40 = 0 THEN 'zoho unavailable after retries' END,
       now() - n * interval '15 minutes' - c.ord * interval '1 minute',
       now() - n * interval '15 minutes' - c.ord * interval '1 minute' + interval '20 seconds'
FROM generate_series(1, 192) AS n
CROSS JOIN unnest(ARRAY['pull-products', 'pull-stock', 'pull-prices', 'replay-dlq']) WITH ORDINALITY AS c(name, ord);
INSERT INTO sync_logs (sync_type, status, created_at)
SELECT 'pull-prices', 'in_progress', now() - n * interval '3 hours' FROM generate_series(1, 3) AS n;

-- Dead letters: 2,000 entries, 60 exhausted, 20 waiting for a human, half resolved.
INSERT INTO webhook_dead_letter_queue (original_webhook_log_id, event_type, event_id, payload, failure_reason,
                                       retry_count, created_at, resolved_at, exhausted_at, needs_human)
SELECT gen_random_uuid(), (ARRAY['invoice.created', 'bill.updated', 'contact.updated'])[1 + n % 3],
       'evt_dlq_' || n, jsonb_build_object('document_id', (4815000002000000 + n)::text),
       'erp handler failed', n % 11,
       now() - n * interval '5 minutes',
       CASE WHEN n % 2 = 0 THEN now() - n * interval '4 minutes' END,
       CASE WHEN n % 2 = 1 AND n % 33 = 1 THEN now() - n * interval '1 minute' END,
       n % 2 = 1 AND n % 50 = 1
FROM generate_series(1, 2000) AS n;
COMMIT;
