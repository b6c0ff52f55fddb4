-- An ERP database as the audit of 2025-10-31 found it, BEFORE tshsync ever ran
-- (so `tshsync migrate` has to adopt it). Deterministic, no random().
--   1,319 active products, all with a Zoho id; 71 without image;
--   104 active products with no price in any list (6 of them with base price 0,
--   so backfill-prices must skip those); 37 inactive products;
--   132 active products with zero stock; one pair of duplicate SKUs.
-- The ERP's own tables, in the ERP's own shape (fewer columns than tshsync adds).
CREATE TABLE products (
    id             serial PRIMARY KEY,
    zoho_item_id   text UNIQUE,
    name           text NOT NULL,
    sku            text,
    price          numeric(14,2) DEFAULT 0,
    stock_quantity numeric DEFAULT 0,
    image_url      text,
    is_active      boolean DEFAULT true,
    created_at     timestamptz DEFAULT now(),
    updated_at     timestamptz DEFAULT now()
);
CREATE TABLE pricelists (
    id                serial PRIMARY KEY,
    name              text NOT NULL UNIQUE,
    zoho_pricebook_id text UNIQUE,
    currency          text DEFAULT 'IQD'
);
CREATE TABLE product_prices (
    id           serial PRIMARY KEY,
    product_id   integer REFERENCES products (id),
    pricelist_id integer REFERENCES pricelists (id),
    price        numeric(14,2),
    currency     text DEFAULT 'IQD',
    created_at   timestamptz DEFAULT now(),
    updated_at   timestamptz DEFAULT now(),
    UNIQUE (product_id, pricelist_id)
);

INSERT INTO pricelists (name, zoho_pricebook_id, currency) VALUES
    ('Consumer', '4815000000070001', 'IQD'),
    ('Wholesale', '4815000000070002', 'IQD'),
    ('Retailer USD', '4815000000070003', 'USD');

-- Products 1..1319 are active, 1320..1356 inactive.
INSERT INTO products (id, zoho_item_id, name, sku, price, stock_quantity, image_url, is_active, created_at, updated_at)
SELECT i,
       '48150000000' || lpad(i::text, 5, '0'),
       'Product ' || i,
       CASE WHEN i = 702 THEN 'TSH-000701' ELSE 'TSH-' || lpad(i::text, 6, '0') END,
       CASE WHEN i BETWEEN 1314 AND 1319 THEN 0 ELSE 1000 + (i % 97) * 250 END,
       CASE WHEN i % 10 = 0 THEN 0 ELSE 20 + (i * 37) % 107 END,
       CASE WHEN i BETWEEN 1001 AND 1071 THEN NULL
            WHEN i = 1072 THEN ''
            ELSE '/api/images/products/48150000000' || lpad(i::text, 5, '0') || '/image' END,
       i <= 1319,
       timestamptz '2025-09-01 08:00:00+03' + i * interval '1 minute',
       timestamptz '2025-10-06 08:00:00+03' + i * interval '1 minute'
FROM generate_series(1, 1356) AS i;
-- 1072's empty string counts as "no image" too: 71 = 1001..1071 ... minus none;
-- keep exactly 71 by giving 1071 an image back.
UPDATE products SET image_url = '/api/images/products/4815000000001071/image' WHERE id = 1071;
DO $$ BEGIN PERFORM setval('products_id_seq', 1356); END $$;

-- Prices: every active product 1..1215 is in Consumer; every third also in
-- Wholesale, every seventh in Retailer USD. 1216..1319 (104) have none.
INSERT INTO product_prices (product_id, pricelist_id, price, currency)
SELECT p.id, l.id,
       CASE l.name WHEN 'Consumer' THEN p.price WHEN 'Wholesale' THEN p.price * 0.9 ELSE round(p.price / 1310, 2) END,
       l.currency
FROM products p
JOIN pricelists l ON l.name = 'Consumer'
    OR (l.name = 'Wholesale' AND p.id % 3 = 0)
    OR (l.name = 'Retailer USD' AND p.id % 7 = 0)
WHERE p.id <= 1215;
