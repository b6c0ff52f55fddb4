-- The run and webhook history the audit found (sync_logs, webhook_logs).
-- Needs the products table (item events name existing items' Zoho ids);
-- creates sync_logs and webhook_logs only when they are missing. Webhook events are dated within the last hour so
-- `health --window 1h` sees the audit's breakdown; 3,000 older events (120
-- days ago) give archive-logs something to move.
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS sync_logs (
    id             serial PRIMARY KEY,
    sync_type      text NOT NULL,
    status         text NOT NULL,
    records_synced integer DEFAULT 0,
    error_message  text,
    created_at     timestamptz DEFAULT now(),
    finished_at    timestamptz
);
CREATE TABLE IF NOT EXISTS webhook_logs (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id      text,
    event_type    text,
    status        text,
    payload       jsonb,
    error_message text,
    created_at    timestamptz DEFAULT now()
);

INSERT INTO sync_logs (sync_type, status, records_synced, error_message, created_at, finished_at) VALUES
    ('Products', 'success', 0, NULL, now() - interval '54 days', now() - interval '54 days'),
    ('Products', 'partial', 1100, '3 items failed', now() - interval '52 days', now() - interval '52 days'),
    ('Products', 'partial', 1105, '2 items failed', now() - interval '51 days', now() - interval '51 days'),
    ('Products', 'failed', 0, 'HTTP 500: JSON parsing error', now() - interval '30 days', now() - interval '30 days'),
    ('Manual Price Sync', 'error', 0, 'pricelist not found', now() - interval '46 days', now() - interval '46 days');
INSERT INTO sync_logs (sync_type, status, records_synced, created_at)
SELECT 'Pricelist Rotation (Consumer)', 'in_progress', 0, now() - interval '30 days' + i * interval '10 seconds'
FROM generate_series(1, 13) AS i;
INSERT INTO sync_logs (sync_type, status, records_synced, error_message, created_at, finished_at)
SELECT 'Pricelist Rotation (Consumer)', 'error', 0, 'rotation failed', now() - interval '30 days' + i * interval '10 seconds',
       now() - interval '30 days' + i * interval '12 seconds'
FROM generate_series(1, 13) AS i;

-- The audit's event breakdown: type, success, error, ignored.
WITH breakdown(event_type, ok, err, ign) AS (VALUES
    ('invoice.create', 1021, 0, 0),
    ('item.update', 513, 1, 0),
    ('item.create', 28, 5, 1),
    ('contact.update', 7, 0, 0),
    ('inventoryadjustment.create', 5, 0, 0),
    ('bill.create', 3, 0, 0),
    ('contact.create', 2, 0, 0),
    ('contact.delete', 1, 0, 0),
    ('signature_missing', 0, 78, 0),
    ('signature_invalid', 0, 4, 17),
    ('test', 0, 0, 4),
    ('unknown', 0, 2, 16)),
events AS (
    SELECT b.event_type, s.status, n
    FROM breakdown b
    CROSS JOIN LATERAL (VALUES ('success', b.ok), ('error', b.err), ('ignored', b.ign)) AS s(status, cnt)
    CROSS JOIN LATERAL generate_series(1, s.cnt) AS n)
INSERT INTO webhook_logs (event_id, event_type, status, payload, error_message, created_at)
SELECT 'evt-' || event_type || '-' || status || '-' || n,
       event_type,
       status,
       CASE
           WHEN event_type LIKE 'item.%' THEN
               jsonb_build_object('item', jsonb_build_object(
                   'item_id', COALESCE((SELECT zoho_item_id FROM products WHERE is_active ORDER BY id
                                        OFFSET (n * 7) % 1319 LIMIT 1),
                                       '48150000000' || lpad(((n * 7) % 1319 + 1)::text, 5, '0')),
                   'name', 'Product ' || ((n * 7) % 1319 + 1)))
           WHEN event_type LIKE 'invoice.%' THEN
               jsonb_build_object('invoice', jsonb_build_object('invoice_id', '4815000000200' || lpad(n::text, 3, '0'),
                                                               'total', 25000 + n))
           WHEN event_type LIKE 'contact.%' THEN
               jsonb_build_object('contact', jsonb_build_object('contact_id', '4815000000300' || lpad(n::text, 3, '0')))
           ELSE jsonb_build_object('raw', event_type)
       END,
       CASE status WHEN 'error' THEN
           CASE WHEN event_type = 'signature_missing' THEN 'missing X-Zoho-Signature header'
                WHEN event_type = 'signature_invalid' THEN 'invalid signature'
                WHEN event_type LIKE 'item.%' THEN 'item data incomplete and API fetch failed'
                ELSE 'could not coerce payload' END
       END,
       now() - interval '50 minutes' + (n % 2900) * interval '1 second'
FROM events;

-- Old traffic for the retention job.
INSERT INTO webhook_logs (event_id, event_type, status, payload, created_at)
SELECT 'evt-old-' || i, 'invoice.create', 'success',
       jsonb_build_object('invoice', jsonb_build_object('invoice_id', 'old-' || i)),
       now() - interval '120 days' + i * interval '1 second'
FROM generate_series(1, 3000) AS i;
