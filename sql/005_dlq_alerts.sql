-- tshsync 005: alert cool-downs, and the indexes replay-dlq and health read by.
-- Idempotent like every migration.

-- When each alert (command|kind|subject) was last sent, shared by every run
-- and host, so the same alert is not repeated within [alerts].cooldown.
CREATE TABLE IF NOT EXISTS tshsync_alert_cooldowns (
    alert_key    text PRIMARY KEY,
    last_sent_at timestamptz NOT NULL DEFAULT now(),
    last_text    text
);

-- health counts and names exhausted entries; replay-dlq skips them.
CREATE INDEX IF NOT EXISTS idx_dlq_exhausted ON webhook_dead_letter_queue (exhausted_at)
    WHERE exhausted_at IS NOT NULL AND resolved_at IS NULL;
CREATE INDEX IF NOT EXISTS idx_dlq_needs_human ON webhook_dead_letter_queue (created_at)
    WHERE needs_human AND resolved_at IS NULL;
