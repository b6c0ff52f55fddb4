#include <tshsync/zoho/cache_key.hpp>

#include <array>
#include <cstdio>

#include <openssl/evp.h>

#include <tshsync/core/error.hpp>
#include <tshsync/util/hex.hpp>

namespace tshsync::zoho {

std::string token_cache_key(const std::string& client_id, const std::string& refresh_token) {
  // A separator keeps ("ab", "c") and ("a", "bc") apart.
  const std::string input = client_id + '\n' + refresh_token;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw core::Error(core::ExitCode::software, "OpenSSL could not compute SHA-256");
  }
  return util::to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

int64_t token_lock_key(const std::string& cache_key) {
  uint64_t key = 0;
  for (std::size_t i = 0; i < 16 && i < cache_key.size(); ++i) {
    const char c = cache_key[i];
    const uint64_t nibble = c >= 'a' ? static_cast<uint64_t>(c - 'a' + 10) : static_cast<uint64_t>(c - '0');
    key = (key << 4U) | (nibble & 0x0FU);
  }
  return static_cast<int64_t>(key);
}

}  // namespace tshsync::zoho
