#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zoho_standin {

// HMAC-SHA256 of `data` under `key`, lowercase hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

// `bytes` random bytes from OpenSSL, lowercase hex.
std::string random_hex(std::size_t bytes);

// Equal strings, compared in time independent of where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace zoho_standin
