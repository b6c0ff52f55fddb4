-- tshsync 002: an active product with a positive price is never left without
-- any price. Corrects the audit's trigger, which failed (NULL pricelist_id)
-- when the default list was missing, fired before the same transaction could
-- add the real prices, and ignored prices being deleted.
--
-- Both triggers are deferred constraint triggers: they look at the committed
-- outcome of a transaction, so a sync that replaces prices inside one
-- transaction is not second-guessed half-way through.

CREATE OR REPLACE FUNCTION tshsync_ensure_product_price(p_product_id bigint)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_active   boolean;
    v_price    numeric;
    v_list_id  bigint;
    v_currency text;
BEGIN
    SELECT is_active, price INTO v_active, v_price FROM products WHERE id = p_product_id;
    IF NOT FOUND OR v_active IS NOT TRUE OR v_price IS NULL OR v_price <= 0 THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM product_prices WHERE product_id = p_product_id) THEN
        RETURN;
    END IF;
    SELECT l.id, l.currency INTO v_list_id, v_currency
    FROM pricelists l
    WHERE l.name = COALESCE((SELECT value FROM tshsync_settings WHERE key = 'default_pricelist'), 'Consumer');
    IF v_list_id IS NULL THEN
        RETURN;  -- no default list: validate reports the product; never fail the writer
    END IF;
    INSERT INTO product_prices (product_id, pricelist_id, price, currency, source)
    VALUES (p_product_id, v_list_id, v_price, COALESCE(v_currency, 'IQD'), 'backfill')
    ON CONFLICT (product_id, pricelist_id) DO NOTHING;
END $$;

CREATE OR REPLACE FUNCTION tshsync_product_price_guard()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'products' THEN
        PERFORM tshsync_ensure_product_price(NEW.id);
    ELSE
        PERFORM tshsync_ensure_product_price(OLD.product_id);
    END IF;
    RETURN NULL;
END $$;

-- The audit's own sketch, if an operator applied it, is replaced by this one.
DROP TRIGGER IF EXISTS ensure_product_price ON products;
DROP TRIGGER IF EXISTS tshsync_ensure_product_price ON products;
CREATE CONSTRAINT TRIGGER tshsync_ensure_product_price
    AFTER INSERT OR UPDATE OF is_active, price ON products
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.is_active AND NEW.price > 0)
    EXECUTE FUNCTION tshsync_product_price_guard();

DROP TRIGGER IF EXISTS tshsync_keep_product_price ON product_prices;
CREATE CONSTRAINT TRIGGER tshsync_keep_product_price
    AFTER DELETE OR UPDATE OF product_id ON product_prices
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    EXECUTE FUNCTION tshsync_product_price_guard();
