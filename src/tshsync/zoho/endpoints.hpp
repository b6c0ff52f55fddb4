#pragma once

#include <string>

#include <tshsync/core/config.hpp>

namespace tshsync::zoho {

// Hosts of one Zoho data center (the table in docs/zoho-api.md).
struct DataCenter {
  const char* accounts_host;
  const char* api_host;
};

// The hosts for `[zoho].dc` (com, eu, in, com.au, jp, ca, com.cn, sa);
// throws config_error for anything else.
DataCenter data_center(const std::string& dc);

// Where the client sends its requests: origins without a trailing slash.
struct Endpoints {
  std::string accounts_origin;  // "https://accounts.zoho.eu"
  std::string api_origin;       // "https://www.zohoapis.eu"
  std::string api_prefix;       // "/books/v3" or "/inventory/v1"

  std::string token_url() const { return accounts_origin + "/oauth/v2/token"; }
};

// The data center's hosts, replaced by accounts_url / api_url when set (an
// origin only; plain http only to loopback). Throws config_error.
Endpoints resolve_endpoints(const core::ZohoConfig& config);

}  // namespace tshsync::zoho
