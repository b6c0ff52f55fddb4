-- The floor for `tshsync archive-logs`: one statement moves every webhook log
-- older than :older_than_seconds to the archive.
\set ON_ERROR_STOP on
WITH moved AS (
  DELETE FROM webhook_logs WHERE created_at < now() - :older_than_seconds * interval '1 second'
  RETURNING id, event_id, event_type, status, payload, error_message, created_at)
INSERT INTO webhook_logs_archive (id, event_id, event_type, status, payload, error_message, created_at)
SELECT id, event_id, event_type, status, payload, error_message, created_at FROM moved;
