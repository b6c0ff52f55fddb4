-- tshsync 006: side by side with the ERP's own Zoho code.
-- Price lists are keyed on their Zoho id (the ERP's zoho_pricelist_id when it
-- has one), not on their name: the unique index tshsync once added on
-- pricelists(name) made the ERP's own price-list upsert fail. It is dropped
-- when tshsync created it (an index of that name that backs no constraint);
-- an ERP's own UNIQUE constraint is left alone.
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid
               WHERE i.relname = 'pricelists_name_key' AND i.relnamespace = current_schema()::regnamespace
                 AND x.indrelid = 'pricelists'::regclass
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)) THEN
        DROP INDEX pricelists_name_key;
    END IF;
END $$;

-- The integrity trigger and its function are written by migrate from the
-- [erp] mapping (the ERP's base price column, its id types, the
-- product_prices insert defaults) after the numbered migrations; the fixed
-- version 002 installed is replaced then. The old helper took a bigint id.
DROP FUNCTION IF EXISTS tshsync_ensure_product_price(bigint);
