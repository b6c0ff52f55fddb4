-- TDS's inbox of TSH's ERP: where its webhook receiver stores every Zoho
-- webhook it accepts, exactly as SQLAlchemy creates it from the model
-- (Qmop1967/tsh-erp-system app/models/zoho_sync.py, class TDSInboxEvent, at
-- commit 7b31efef3b92ac93e764f4f013c65e198b34d91f; the ERP has no alembic
-- migration for it: Base.metadata.create_all makes it). Rendered from that
-- model with SQLAlchemy's PostgreSQL dialect (1.4.46; the ERP pins 2.0.23,
-- which emits the same DDL for these types). Python-side defaults
-- (default=uuid4, default=False) are not server defaults. The live receiver
-- (app/tds/api/webhooks.py -> app/tds/integrations/zoho/processor.py) fills
-- source_type, entity_type, source_entity_id ("unknown" when the webhook named
-- none), raw_payload (the record's object), idempotency_key
-- ("zoho:<entity>:<id>:<event>"), content_hash, webhook_headers, ip_address,
-- signature_verified and received_at; the event type (create/update/delete)
-- and the processing state live in tds_sync_queue, not here.
CREATE TYPE tds_source_type AS ENUM ('zoho', 'manual', 'scheduled', 'reconciliation');
CREATE TYPE tds_entity_type AS ENUM ('product', 'customer', 'invoice', 'bill', 'credit_note', 'stock_adjustment',
    'price_list', 'branch', 'USER', 'order', 'PAYMENT', 'VENDOR', 'SUPPLIER');

CREATE TABLE tds_inbox_events (
    id UUID NOT NULL,
    source_type tds_source_type NOT NULL,
    entity_type tds_entity_type NOT NULL,
    source_entity_id TEXT NOT NULL,
    raw_payload JSONB NOT NULL,
    idempotency_key TEXT,
    content_hash TEXT NOT NULL,
    webhook_headers JSONB,
    signature_verified BOOLEAN,
    ip_address VARCHAR(45),
    received_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE,
    is_valid BOOLEAN,
    validation_errors JSONB,
    moved_to_queue BOOLEAN,
    PRIMARY KEY (id)
);

CREATE INDEX idx_inbox_content_hash ON tds_inbox_events (content_hash);
CREATE INDEX idx_inbox_received_at ON tds_inbox_events (received_at);
CREATE INDEX idx_inbox_source_entity ON tds_inbox_events (source_type, source_entity_id);
CREATE INDEX ix_tds_inbox_events_content_hash ON tds_inbox_events (content_hash);
CREATE INDEX ix_tds_inbox_events_entity_type ON tds_inbox_events (entity_type);
CREATE UNIQUE INDEX ix_tds_inbox_events_idempotency_key ON tds_inbox_events (idempotency_key);
CREATE INDEX ix_tds_inbox_events_received_at ON tds_inbox_events (received_at);
CREATE INDEX ix_tds_inbox_events_source_entity_id ON tds_inbox_events (source_entity_id);
CREATE INDEX ix_tds_inbox_events_source_type ON tds_inbox_events (source_type);
