-- tshsync 008: Zoho calls per command per UTC day, so [zoho].daily_call_budget
-- is shared between the commands (each may spend only its share, see
-- src/tshsync/zoho/call_shares.hpp) and `status` shows who spent what.
-- The organization's total stays in tshsync_rate_account. Idempotent.
CREATE TABLE IF NOT EXISTS tshsync_call_usage (
    organization_id text NOT NULL,
    day             date NOT NULL,
    command         text NOT NULL,
    calls           bigint NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, day, command)
);
