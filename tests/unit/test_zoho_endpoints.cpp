#include <doctest/doctest.h>

#include <string>

#include <tshsync/core/error.hpp>
#include <tshsync/zoho/client.hpp>
#include <tshsync/zoho/endpoints.hpp>

using tshsync::core::ZohoConfig;
using tshsync::zoho::data_center;
using tshsync::zoho::resolve_endpoints;

TEST_SUITE_BEGIN("zoho");

namespace {

int exit_code_of(const ZohoConfig& config) {
  try {
    resolve_endpoints(config);
  } catch (const tshsync::core::Error& e) {
    return tshsync::core::to_int(e.code());
  }
  return 0;
}

}  // namespace

TEST_CASE("every data center maps to its accounts and API hosts") {
  struct Row {
    const char* dc;
    const char* accounts;
    const char* api;
  };
  const Row table[] = {
      {"com", "accounts.zoho.com", "www.zohoapis.com"},
      {"eu", "accounts.zoho.eu", "www.zohoapis.eu"},
      {"in", "accounts.zoho.in", "www.zohoapis.in"},
      {"com.au", "accounts.zoho.com.au", "www.zohoapis.com.au"},
      {"jp", "accounts.zoho.jp", "www.zohoapis.jp"},
      {"ca", "accounts.zohocloud.ca", "www.zohoapis.ca"},
      {"com.cn", "accounts.zoho.com.cn", "www.zohoapis.com.cn"},
      {"sa", "accounts.zoho.sa", "www.zohoapis.sa"},
  };
  for (const Row& row : table) {
    CAPTURE(row.dc);
    CHECK(std::string(data_center(row.dc).accounts_host) == row.accounts);
    CHECK(std::string(data_center(row.dc).api_host) == row.api);
  }
  CHECK_THROWS_AS(data_center("zoho.ca"), tshsync::core::Error);
}

TEST_CASE("endpoints: https origins of the data center and the product's prefix") {
  ZohoConfig config;
  config.dc = "ca";
  auto endpoints = resolve_endpoints(config);
  CHECK(endpoints.accounts_origin == "https://accounts.zohocloud.ca");
  CHECK(endpoints.api_origin == "https://www.zohoapis.ca");
  CHECK(endpoints.api_prefix == "/books/v3");
  CHECK(endpoints.token_url() == "https://accounts.zohocloud.ca/oauth/v2/token");
  config.product = "inventory";
  CHECK(resolve_endpoints(config).api_prefix == "/inventory/v1");
}

TEST_CASE("endpoint overrides: origins only, plain http only to loopback") {
  ZohoConfig config;
  config.accounts_url = "http://127.0.0.1:8080/";
  config.api_url = "https://eu-proxy.example.com";
  const auto endpoints = resolve_endpoints(config);
  CHECK(endpoints.accounts_origin == "http://127.0.0.1:8080");
  CHECK(endpoints.api_origin == "https://eu-proxy.example.com");

  config.api_url = "http://www.zohoapis.eu";  // a bearer token in clear text over the network
  CHECK(exit_code_of(config) == 78);
  config.api_url = "https://www.zohoapis.eu/books/v3";
  CHECK(exit_code_of(config) == 78);
  config.api_url = "www.zohoapis.eu";
  CHECK(exit_code_of(config) == 78);
}

TEST_CASE("require_zoho_config names each missing variable and key") {
  ZohoConfig config;
  config.client_id = "id";
  config.refresh_token = "r";
  try {
    tshsync::zoho::require_zoho_config(config);
    FAIL("expected a config error");
  } catch (const tshsync::core::Error& e) {
    const std::string message = e.what();
    CHECK(tshsync::core::to_int(e.code()) == 78);
    CHECK(message.find("ZOHO_CLIENT_SECRET ([zoho] client_secret)") != std::string::npos);
    CHECK(message.find("ZOHO_ORGANIZATION_ID ([zoho] organization_id)") != std::string::npos);
    CHECK(message.find("ZOHO_REFRESH_TOKEN") == std::string::npos);
  }
  config.client_secret = "s";
  config.organization_id = "1";
  CHECK_NOTHROW(tshsync::zoho::require_zoho_config(config));
}

TEST_SUITE_END();
