-- The floor for `tshsync health`: the three statements of
-- src/tshsync/checks/health_figures.cpp, $1 as :window (seconds), :'commands'
-- (the scheduled commands as a JSON array) and :stuck_after (seconds). Keep
-- in step with that file.
\set ON_ERROR_STOP on
-- kWebhookSql
SELECT COALESCE(event_type, '(none)'),
       count(*),
       count(*) FILTER (WHERE status = 'success'),
       count(*) FILTER (WHERE status = 'error'),
       count(*) FILTER (WHERE status = 'ignored'),
       count(*) FILTER (WHERE (status = 'error' AND event_type IN ('signature_missing', 'signature_invalid'))
                           OR error_message ILIKE '%signature%')
FROM webhook_logs
WHERE created_at >= now() - :window::float8 * interval '1 second'
GROUP BY 1
ORDER BY 2 DESC, 1;
-- kSyncSql
SELECT c.name,
       floor(extract(epoch FROM now() - ls.at))::bigint,
       CASE WHEN ls.at IS NULL THEN
           (SELECT floor(extract(epoch FROM now() - min(s.created_at)))::bigint
            FROM sync_logs s WHERE s.sync_type = c.name)
       END
FROM jsonb_array_elements_text(:'commands'::jsonb) WITH ORDINALITY AS c(name, ord)
CROSS JOIN LATERAL (SELECT max(s.created_at) AS at FROM sync_logs s
                    WHERE s.sync_type = c.name AND s.status = 'success') ls
ORDER BY c.ord;
-- kBacklogSql
SELECT (SELECT count(*) FROM sync_logs
        WHERE status = 'in_progress' AND created_at < now() - :stuck_after::float8 * interval '1 second'),
       d.depth, d.exhausted, d.needs_human,
       (SELECT COALESCE(jsonb_agg(jsonb_build_array(x.event_type, x.original_id)), '[]')
        FROM (SELECT q.event_type, COALESCE(q.original_webhook_log_id, q.id)::text AS original_id
              FROM webhook_dead_letter_queue q
              WHERE q.exhausted_at IS NOT NULL AND q.resolved_at IS NULL
              ORDER BY q.exhausted_at, q.id LIMIT 5) x),
       (SELECT count(*) FROM products p
        WHERE p.is_active AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id))
FROM (SELECT count(*) AS depth,
             count(*) FILTER (WHERE exhausted_at IS NOT NULL) AS exhausted,
             count(*) FILTER (WHERE needs_human) AS needs_human
      FROM webhook_dead_letter_queue WHERE resolved_at IS NULL) d;
