#include "auth.hpp"

#include "crypto.hpp"

namespace zoho_standin {

TokenStore::TokenStore(OAuthClient client, std::chrono::seconds ttl) : client_(std::move(client)), ttl_(ttl) {}

MintResult TokenStore::mint(const std::string& grant_type, const std::string& client_id,
                            const std::string& client_secret, const std::string& refresh_token, SteadyTime now) {
  if (grant_type != "refresh_token") {
    return {MintOutcome::unsupported_grant, {}};
  }
  if (client_id != client_.client_id || client_secret != client_.client_secret) {
    return {MintOutcome::invalid_client, {}};
  }
  if (refresh_token != client_.refresh_token) {
    return {MintOutcome::invalid_code, {}};
  }
  auto& mints = mints_by_refresh_token_[refresh_token];
  while (!mints.empty() && mints.front() + mint_window <= now) {
    mints.pop_front();
  }
  if (mints.size() >= mints_per_window) {
    return {MintOutcome::throttled, {}};
  }
  mints.push_back(now);
  // Drop expired tokens now and then so the map does not grow without bound.
  for (auto it = expiry_by_token_.begin(); it != expiry_by_token_.end();) {
    it = it->second <= now ? expiry_by_token_.erase(it) : std::next(it);
  }
  std::string token = random_hex(32);
  expiry_by_token_[token] = now + ttl_;
  return {MintOutcome::minted, std::move(token)};
}

bool TokenStore::is_valid(const std::string& access_token, SteadyTime now) const {
  const auto it = expiry_by_token_.find(access_token);
  return it != expiry_by_token_.end() && now < it->second;
}

void TokenStore::expire_all() { expiry_by_token_.clear(); }

void TokenStore::forget_mints() { mints_by_refresh_token_.clear(); }

std::size_t TokenStore::live_tokens(SteadyTime now) const {
  std::size_t live = 0;
  for (const auto& [token, expiry] : expiry_by_token_) {
    live += now < expiry ? 1U : 0U;
  }
  return live;
}

}  // namespace zoho_standin
