#pragma once

#include <cstdint>
#include <string>

namespace tshsync::zoho {

// Names the token cache row of one OAuth client and refresh token: the hex
// SHA-256 of both, so the database never holds the refresh token.
std::string token_cache_key(const std::string& client_id, const std::string& refresh_token);

// The PostgreSQL advisory lock (bigint form) guarding refreshes of that row:
// its first 8 bytes. The bigint key space is apart from the two-int4 one
// that command locks use, so they never collide.
int64_t token_lock_key(const std::string& cache_key);

}  // namespace tshsync::zoho
