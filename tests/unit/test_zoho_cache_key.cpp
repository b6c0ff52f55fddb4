#include <doctest/doctest.h>

#include <string>

#include <tshsync/zoho/cache_key.hpp>

using tshsync::zoho::token_cache_key;
using tshsync::zoho::token_lock_key;

TEST_SUITE_BEGIN("zoho");

TEST_CASE("token cache key: SHA-256 of client id and refresh token, never the token itself") {
  const std::string key = token_cache_key("client", "1000.refresh");
  CHECK(key.size() == 64);
  CHECK(key.find("refresh") == std::string::npos);
  CHECK(key == token_cache_key("client", "1000.refresh"));
  CHECK(key != token_cache_key("client", "1000.other"));
  CHECK(token_cache_key("ab", "c") != token_cache_key("a", "bc"));
  // printf 'a\nb' | sha256sum
  CHECK(token_cache_key("a", "b") == "7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78");
}

TEST_CASE("token lock key: the first 8 bytes of the cache key") {
  CHECK(token_lock_key("0000000000000001ffff") == 1);
  CHECK(token_lock_key("ffffffffffffffff") == -1);
  CHECK(token_lock_key(token_cache_key("a", "b")) == token_lock_key(token_cache_key("a", "b")));
}

TEST_SUITE_END();
