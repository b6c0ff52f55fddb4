#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/core/config.hpp>
#include <tshsync/http/http_client.hpp>
#include <tshsync/zoho/client_tuning.hpp>
#include <tshsync/zoho/token_store.hpp>

namespace tshsync::zoho {

// Hands out an access token: from memory, else from the shared cache, else
// minted with the refresh-token grant by one process at a time, never more
// than tuning.token_requests_per_window requests in Zoho's 10-minute window.
// Throws core::Error: 75 token limit or throttled, 77 credentials refused,
// 69 the token endpoint unreachable after retries.
class AccessTokens {
 public:
  AccessTokens(const core::ZohoConfig& config, std::string token_url, TokenStore& store, http::HttpClient& http,
               const ClientTuning& tuning, const core::CancelToken* cancel);

  std::string current();

  // A 401 came back with `used`: forget it here and in the shared cache
  // (unless another process has replaced it already) so current() refreshes.
  void reject(const std::string& used);

  // Token requests this object sent (attempts, retries included).
  int64_t requests_sent() const { return requests_sent_; }

 private:
  void adopt(const CachedToken& token);
  void mint();
  http::Request token_request() const;

  const core::ZohoConfig& config_;
  std::string token_url_;
  TokenStore& store_;
  http::HttpClient& http_;
  const ClientTuning& tuning_;
  const core::CancelToken* cancel_;
  std::string token_;
  std::chrono::steady_clock::time_point good_until_{};
  int64_t requests_sent_ = 0;
};

}  // namespace tshsync::zoho
