#include <tshsync/zoho/token_store.hpp>

#include <cmath>

#include <pqxx/pqxx>

namespace tshsync::zoho {
namespace {

constexpr const char* kFresh = R"(
SELECT access_token, COALESCE(api_domain, ''), EXTRACT(EPOCH FROM (expires_at - clock_timestamp()))::float8
FROM tshsync_oauth_tokens
WHERE cache_key = $1 AND access_token IS NOT NULL
  AND expires_at > clock_timestamp() + $2::float8 * interval '1 second')";

constexpr const char* kSave = R"(
INSERT INTO tshsync_oauth_tokens AS t (cache_key, access_token, api_domain, expires_at, minted_at, updated_at)
VALUES ($1, $2, $3, clock_timestamp() + $4::float8 * interval '1 second', clock_timestamp(), now())
ON CONFLICT (cache_key) DO UPDATE
SET access_token = EXCLUDED.access_token, api_domain = EXCLUDED.api_domain, expires_at = EXCLUDED.expires_at,
    minted_at = EXCLUDED.minted_at, updated_at = now())";

constexpr const char* kInvalidate = R"(
UPDATE tshsync_oauth_tokens SET access_token = NULL, expires_at = NULL, updated_at = now()
WHERE cache_key = $1 AND access_token = $2)";

// Requests that never reached Zoho (connection refused) do not count.
constexpr const char* kWindowCount = R"(
SELECT count(*)::int,
       (SELECT EXTRACT(EPOCH FROM blocked_until)::float8 FROM tshsync_oauth_tokens
        WHERE cache_key = $1 AND blocked_until > clock_timestamp())
FROM tshsync_oauth_token_requests
WHERE cache_key = $1 AND outcome <> 'not_sent' AND requested_at > clock_timestamp() - interval '10 minutes')";

// The count drops below `limit` when the limit-th newest request leaves the window.
constexpr const char* kNextFree = R"(
SELECT EXTRACT(EPOCH FROM (requested_at + interval '10 minutes'))::float8
FROM tshsync_oauth_token_requests
WHERE cache_key = $1 AND outcome <> 'not_sent' AND requested_at > clock_timestamp() - interval '10 minutes'
ORDER BY requested_at DESC OFFSET $2::int LIMIT 1)";

constexpr const char* kRecord = R"(
INSERT INTO tshsync_oauth_token_requests (cache_key) VALUES ($1) RETURNING id)";

constexpr const char* kPrune = R"(
DELETE FROM tshsync_oauth_token_requests WHERE requested_at < clock_timestamp() - interval '1 day')";

constexpr const char* kBlock = R"(
INSERT INTO tshsync_oauth_tokens AS t (cache_key, blocked_until) VALUES ($1, clock_timestamp() + interval '10 minutes')
ON CONFLICT (cache_key) DO UPDATE SET blocked_until = EXCLUDED.blocked_until, updated_at = now()
RETURNING EXTRACT(EPOCH FROM t.blocked_until)::float8)";

}  // namespace

TokenStore::TokenStore(pqxx::connection& conn, std::string cache_key) : conn_(conn), cache_key_(std::move(cache_key)) {}

std::optional<CachedToken> TokenStore::fresh(std::chrono::seconds margin) {
  pqxx::nontransaction tx(conn_);
  const auto rows = tx.exec_params(kFresh, cache_key_, static_cast<double>(margin.count()));
  if (rows.empty()) return std::nullopt;
  CachedToken token;
  token.access_token = rows[0][0].as<std::string>();
  token.api_domain = rows[0][1].as<std::string>();
  token.remaining = std::chrono::seconds(static_cast<long long>(std::floor(rows[0][2].as<double>())));
  return token;
}

void TokenStore::save(const std::string& access_token, const std::string& api_domain, std::chrono::seconds expires_in) {
  pqxx::nontransaction tx(conn_);
  tx.exec_params(kSave, cache_key_, access_token, api_domain, static_cast<double>(expires_in.count()));
}

void TokenStore::invalidate(const std::string& access_token) {
  pqxx::nontransaction tx(conn_);
  tx.exec_params(kInvalidate, cache_key_, access_token);
}

TokenRequestWindow TokenStore::request_window(int limit) {
  pqxx::nontransaction tx(conn_);
  TokenRequestWindow window;
  const auto counted = tx.exec_params(kWindowCount, cache_key_);
  window.sent = counted[0][0].as<int>();
  if (!counted[0][1].is_null()) window.blocked_until = util::from_extracted_epoch(counted[0][1].as<double>());
  const auto next = tx.exec_params(kNextFree, cache_key_, limit - 1);
  window.next_free =
      next.empty() ? std::chrono::system_clock::now() : util::from_extracted_epoch(next[0][0].as<double>());
  return window;
}

long long TokenStore::record_request() {
  pqxx::nontransaction tx(conn_);
  tx.exec(kPrune);
  return tx.exec_params(kRecord, cache_key_)[0][0].as<long long>();
}

void TokenStore::record_outcome(long long request_id, const std::string& outcome) {
  pqxx::nontransaction tx(conn_);
  tx.exec_params("UPDATE tshsync_oauth_token_requests SET outcome = $2 WHERE id = $1", request_id, outcome);
}

SystemTime TokenStore::block_for_window() {
  pqxx::nontransaction tx(conn_);
  return util::from_extracted_epoch(tx.exec_params(kBlock, cache_key_)[0][0].as<double>());
}

}  // namespace tshsync::zoho
