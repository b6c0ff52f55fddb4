-- Appends :rows webhook_logs rows created between :newest_age and
-- :newest_age + :span seconds ago: 20 event types plus 0.4% signature
-- failures, about 94% success, 4% error, 2% ignored, jsonb payloads of about
-- 450 bytes. Deterministic apart from the uuid ids and now().
-- psql -v rows=N -v newest_age=SECONDS -v span=SECONDS -v seed=N -f webhook_logs.sql
\set ON_ERROR_STOP on
INSERT INTO webhook_logs (id, event_id, event_type, status, payload, error_message, created_at)
SELECT gen_random_uuid(),
       'evt_' || :seed || '_' || g,
       t.event_type,
       s.status,
       jsonb_build_object(
           'event_id', 'evt_' || :seed || '_' || g,
           'event_type', t.event_type,
           'organization_id', '10234695',
           'event_time', to_char(c.at AT TIME ZONE 'Asia/Baghdad', 'YYYY-MM-DD"T"HH24:MI:SS"+0300"'),
           'data', jsonb_build_object(
               'document_id', (4815000002000000 + g)::text,
               'document_number', 'DOC-' || lpad(g::text, 8, '0'),
               'customer_id', (4815000003000000 + g % 5000)::text,
               'customer_name', 'Customer ' || (g % 5000) || ' Trading Co.',
               'total', ((g * 37) % 100000) * 250,
               'currency_code', 'IQD',
               'status', 'sent',
               'line_items', jsonb_build_array(
                   jsonb_build_object('item_id', (4815000001000001 + 1000 * (g % 10000))::text,
                                      'sku', 'TSH-' || lpad((g % 10000 + 1)::text, 6, '0'),
                                      'quantity', g % 7 + 1, 'rate', ((g * 13) % 400 + 1) * 250)))),
       CASE WHEN s.status = 'error' THEN
           CASE WHEN t.event_type LIKE 'signature%' THEN 'signature check failed: ' || t.event_type
                WHEN g % 3 = 0 THEN 'zoho refresh failed: HTTP 503'
                ELSE 'erp handler failed: deadlock detected' END END,
       c.at
FROM generate_series(1, :rows) AS g
CROSS JOIN LATERAL (SELECT CASE WHEN g % 500 = 0 THEN 'signature_invalid'
                                WHEN g % 500 = 250 THEN 'signature_missing'
                                ELSE (ARRAY['invoice.created', 'invoice.updated', 'invoice.paid', 'invoice.voided',
                                            'bill.created', 'bill.updated', 'bill.paid', 'contact.created',
                                            'contact.updated', 'item.created', 'item.updated', 'item.deleted',
                                            'salesorder.created', 'salesorder.updated', 'purchaseorder.created',
                                            'creditnote.created', 'customerpayment.created', 'estimate.created',
                                            'inventoryadjustment.created', 'transferorder.created'])[1 + (g * 7) % 20]
                           END) AS t(event_type)
CROSS JOIN LATERAL (SELECT CASE WHEN t.event_type LIKE 'signature%' THEN 'error'
                                WHEN g % 49 IN (1, 2) THEN 'error'
                                WHEN g % 49 = 3 THEN 'ignored'
                                ELSE 'success' END) AS s(status)
-- Appended in time order, as a live webhook log is: a time window is a run of pages.
CROSS JOIN LATERAL (SELECT now() - (:newest_age + :span) * interval '1 second'
                          + (g::float8 / :rows * :span) * interval '1 second') AS c(at);
