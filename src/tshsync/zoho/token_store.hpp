#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/util/epoch.hpp>

namespace tshsync::zoho {

using util::SystemTime;

struct CachedToken {
  std::string access_token;
  std::string api_domain;
  std::chrono::seconds remaining{0};  // lifetime left when read (database clock)
};

// Zoho's limit on token requests, as seen in our log.
struct TokenRequestWindow {
  int sent = 0;                             // requests in the last 10 minutes
  std::optional<SystemTime> blocked_until;  // Zoho throttled us until then
  SystemTime next_free;                     // when `sent` falls below the limit asked about
};

// The PostgreSQL side of the access token cache (tshsync_oauth_tokens) and
// of the token request log (tshsync_oauth_token_requests), shared by every
// run and host. Times come from the database clock, the one all hosts share.
// Statements are autocommitted on the client's own connection.
class TokenStore {
 public:
  TokenStore(pqxx::connection& conn, std::string cache_key);

  const std::string& cache_key() const { return cache_key_; }
  pqxx::connection& conn() { return conn_; }

  // The cached token when it stays valid for at least `margin`.
  std::optional<CachedToken> fresh(std::chrono::seconds margin);
  void save(const std::string& access_token, const std::string& api_domain, std::chrono::seconds expires_in);
  // Forgets `access_token` unless another process has already replaced it.
  void invalidate(const std::string& access_token);

  // Requests counted against Zoho's limit, and when their count drops below `limit`.
  TokenRequestWindow request_window(int limit);
  // Logs a request about to be sent (committed before it goes); returns its id.
  long long record_request();
  void record_outcome(long long request_id, const std::string& outcome);
  // Zoho throttled the refresh token: no process asks again for a whole window.
  SystemTime block_for_window();

 private:
  pqxx::connection& conn_;
  std::string cache_key_;
};

}  // namespace tshsync::zoho
