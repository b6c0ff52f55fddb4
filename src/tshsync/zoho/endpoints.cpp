#include <tshsync/zoho/endpoints.hpp>

#include <tshsync/core/error.hpp>
#include <tshsync/http/url.hpp>

namespace tshsync::zoho {
namespace {

struct DataCenterRow {
  const char* dc;
  DataCenter hosts;
};

// Canada's accounts server is zohocloud.ca, not zoho.ca.
constexpr DataCenterRow kDataCenters[] = {
    {"com", {"accounts.zoho.com", "www.zohoapis.com"}},
    {"eu", {"accounts.zoho.eu", "www.zohoapis.eu"}},
    {"in", {"accounts.zoho.in", "www.zohoapis.in"}},
    {"com.au", {"accounts.zoho.com.au", "www.zohoapis.com.au"}},
    {"jp", {"accounts.zoho.jp", "www.zohoapis.jp"}},
    {"ca", {"accounts.zohocloud.ca", "www.zohoapis.ca"}},
    {"com.cn", {"accounts.zoho.com.cn", "www.zohoapis.com.cn"}},
    {"sa", {"accounts.zoho.sa", "www.zohoapis.sa"}},
};

// An override must be an origin: the client appends its own paths, so a path
// here ("/books/v3") would silently double up.
std::string checked_origin(std::string url, const char* env_name, const char* key) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  const auto scheme_end = url.find("://");
  const bool has_path =
      scheme_end != std::string::npos && url.find_first_of("/?#", scheme_end + 3) != std::string::npos;
  if (scheme_end == std::string::npos || has_path) {
    throw core::config_error(std::string(env_name) + " (" + key +
                             ") must be an origin such as https://www.zohoapis.eu or http://127.0.0.1:8080, "
                             "without a path");
  }
  http::require_safe_url(url);
  return url;
}

}  // namespace

DataCenter data_center(const std::string& dc) {
  for (const auto& row : kDataCenters) {
    if (dc == row.dc) return row.hosts;
  }
  throw core::config_error("unknown Zoho data center \"" + dc +
                           "\" in ZOHO_DC ([zoho] dc): use com, eu, in, com.au, jp, ca, com.cn or sa");
}

Endpoints resolve_endpoints(const core::ZohoConfig& config) {
  Endpoints endpoints;
  const DataCenter hosts = data_center(config.dc);
  endpoints.accounts_origin = config.accounts_url.empty()
                                  ? std::string("https://") + hosts.accounts_host
                                  : checked_origin(config.accounts_url, "ZOHO_ACCOUNTS_URL", "[zoho] accounts_url");
  endpoints.api_origin = config.api_url.empty() ? std::string("https://") + hosts.api_host
                                                : checked_origin(config.api_url, "ZOHO_API_URL", "[zoho] api_url");
  if (config.product == "books") {
    endpoints.api_prefix = "/books/v3";
  } else if (config.product == "inventory") {
    endpoints.api_prefix = "/inventory/v1";
  } else {
    throw core::config_error("unknown Zoho product \"" + config.product +
                             "\" in ZOHO_PRODUCT ([zoho] product): use books or inventory");
  }
  return endpoints;
}

}  // namespace tshsync::zoho
