-- TSH's ERP in the shape of its SQLAlchemy models and alembic migrations
-- (Qmop1967/tsh-erp-system app/models/product.py, app/models/pricing.py,
-- database/alembic/versions/077db8bc0e4f_add_multi_price_system_models_v2.py),
-- BEFORE tshsync ever ran. Python-side defaults (default=0, default=True) are
-- not server defaults: the columns are NOT NULL or nullable without one.
CREATE TABLE categories (
    id          serial PRIMARY KEY,
    name        varchar(100) NOT NULL,
    name_ar     varchar(100),
    description text,
    parent_id   integer REFERENCES categories (id),
    is_active   boolean,
    created_at  timestamptz DEFAULT now(),
    updated_at  timestamptz
);
CREATE INDEX ix_categories_name ON categories (name);

CREATE TABLE products (
    id                     serial PRIMARY KEY,
    sku                    varchar(50) NOT NULL,
    name                   varchar(200) NOT NULL,
    name_ar                varchar(200),
    description            text,
    description_ar         text,
    category_id            integer NOT NULL REFERENCES categories (id),
    unit_price             numeric(10,2) NOT NULL,
    cost_price             numeric(10,2),
    unit_of_measure        varchar(50) NOT NULL,
    min_stock_level        integer,
    max_stock_level        integer,
    reorder_point          integer,
    barcode                varchar(100) UNIQUE,
    image_url              varchar(500),
    images                 json,
    videos                 json,
    weight                 numeric(10,3),
    dimensions             json,
    color                  varchar(50),
    size                   varchar(50),
    brand                  varchar(100),
    model                  varchar(100),
    is_active              boolean,
    is_trackable           boolean,
    is_digital             boolean,
    is_featured            boolean,
    actual_available_stock integer NOT NULL,
    meta_title             varchar(200),
    meta_description       text,
    tags                   json,
    zoho_item_id           varchar(100),
    cdn_image_url          varchar(500),
    image_name             varchar(500),
    image_type             varchar(50),
    created_at             timestamptz DEFAULT now(),
    updated_at             timestamptz
);
CREATE UNIQUE INDEX ix_products_sku ON products (sku);
CREATE INDEX ix_products_name ON products (name);
CREATE INDEX ix_products_name_ar ON products (name_ar);
CREATE UNIQUE INDEX ix_products_zoho_item_id ON products (zoho_item_id);
CREATE INDEX ix_products_id ON products (id);

-- 077db8bc0e4f
CREATE TABLE pricing_lists (
    id                  serial PRIMARY KEY,
    name                varchar NOT NULL,
    price_list_type     varchar NOT NULL,
    description         text,
    minimum_order_value numeric(15,2),
    discount_percentage numeric(5,2),
    is_active           boolean,
    valid_from          date,
    valid_to            date,
    created_at          timestamp,
    updated_at          timestamp
);
CREATE INDEX ix_pricing_lists_id ON pricing_lists (id);
CREATE TABLE product_prices (
    id                  serial PRIMARY KEY,
    product_id          integer NOT NULL REFERENCES products (id),
    pricing_list_id     integer NOT NULL REFERENCES pricing_lists (id),
    price               numeric(15,2) NOT NULL,
    discount_percentage numeric(5,2),
    minimum_quantity    integer,
    is_negotiable       boolean,
    created_at          timestamp,
    updated_at          timestamp
);
CREATE INDEX ix_product_prices_id ON product_prices (id);

INSERT INTO categories (name, is_active) VALUES ('General', true), ('Chargers', true);
INSERT INTO pricing_lists (name, price_list_type, discount_percentage, is_active, created_at, updated_at)
VALUES ('Retail', 'retail', 0, true, now(), now()), ('Wholesale', 'wholesale', 10, true, now(), now());

-- Products the ERP's own screens created, some already linked to Zoho items
-- of the stand-in's audit catalog (ids 4815000001000001 + 1000 x position).
INSERT INTO products (sku, name, category_id, unit_price, unit_of_measure, actual_available_stock, is_active,
                      zoho_item_id, image_url, created_at, updated_at)
SELECT 'ERP-' || lpad(i::text, 4, '0'), 'ERP product ' || i, 1 + i % 2, 1000 + i * 250, 'pcs', i % 30, true,
       CASE WHEN i <= 20 THEN (4815000001000001 + 1000 * (i - 1))::text END,
       '/static/erp/' || i || '.jpg', now(), now()
FROM generate_series(1, 40) AS i;
INSERT INTO product_prices (product_id, pricing_list_id, price, discount_percentage, minimum_quantity, is_negotiable,
                            created_at, updated_at)
SELECT p.id, l.id, p.unit_price * CASE WHEN l.id = 1 THEN 1 ELSE 0.9 END, l.discount_percentage, 1, true, now(), now()
FROM products p CROSS JOIN pricing_lists l;
