#pragma once

#include "clock.hpp"

#include <chrono>
#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>

namespace zoho_standin {

struct OAuthClient {
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
};

enum class MintOutcome { minted, unsupported_grant, invalid_client, invalid_code, throttled };

struct MintResult {
  MintOutcome outcome;
  std::string access_token;  // set when minted
};

// Access tokens minted from the refresh token, and Zoho's limit of 10 mints per refresh token
// per rolling 10 minutes.
class TokenStore {
 public:
  static constexpr std::size_t mints_per_window = 10;
  static constexpr std::chrono::minutes mint_window{10};

  TokenStore(OAuthClient client, std::chrono::seconds ttl);

  MintResult mint(const std::string& grant_type, const std::string& client_id, const std::string& client_secret,
                  const std::string& refresh_token, SteadyTime now);
  // True for a token this server minted that has not expired or been revoked.
  bool is_valid(const std::string& access_token, SteadyTime now) const;
  void expire_all();
  // Forgets past mints, lifting the mint limit.
  void forget_mints();

  std::chrono::seconds ttl() const { return ttl_; }
  std::size_t live_tokens(SteadyTime now) const;

 private:
  OAuthClient client_;
  std::chrono::seconds ttl_;
  std::unordered_map<std::string, SteadyTime> expiry_by_token_;
  std::unordered_map<std::string, std::deque<SteadyTime>> mints_by_refresh_token_;
};

}  // namespace zoho_standin
