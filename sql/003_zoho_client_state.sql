-- tshsync 003: state the Zoho client shares between runs and hosts: the OAuth
-- access token cache, the log of token requests (Zoho allows 10 per refresh
-- token per 10 minutes) and the organization's request-rate account.
-- Idempotent: everything is created only when missing.

-- One row per OAuth client and refresh token. cache_key is the hex SHA-256 of
-- client_id and refresh_token, so the refresh token itself is never stored.
CREATE TABLE IF NOT EXISTS tshsync_oauth_tokens (
    cache_key     text PRIMARY KEY,
    access_token  text,           -- NULL once invalidated (a 401)
    api_domain    text,
    expires_at    timestamptz,
    minted_at     timestamptz,
    blocked_until timestamptz,    -- Zoho throttled token requests until then
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Every token request, written (committed) before it is sent, so a run that
-- crashes mid-request still counts against the limit.
CREATE TABLE IF NOT EXISTS tshsync_oauth_token_requests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cache_key    text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- sent (outcome unknown), minted, throttled, refused, failed, or not_sent
    -- (the connection was refused: Zoho never saw it, so it does not count)
    outcome      text NOT NULL DEFAULT 'sent'
);
CREATE INDEX IF NOT EXISTS tshsync_oauth_token_requests_key_time_idx
    ON tshsync_oauth_token_requests (cache_key, requested_at);

-- The organization's request budget, shared by overlapping runs: a GCRA
-- "theoretical arrival time" (the earliest moment the next request may go)
-- and the calls made on the current UTC day.
CREATE TABLE IF NOT EXISTS tshsync_rate_account (
    organization_id text PRIMARY KEY,
    tat             timestamptz NOT NULL DEFAULT clock_timestamp(),
    day             date NOT NULL DEFAULT (clock_timestamp() AT TIME ZONE 'UTC')::date,
    calls_today     bigint NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
