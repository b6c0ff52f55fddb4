#include <tshsync/zoho/client.hpp>

#include <string>
#include <vector>

#include <tshsync/zoho/endpoints.hpp>

namespace tshsync::zoho {

void require_zoho_config(const core::ZohoConfig& config) {
  struct Setting {
    const std::string& value;
    const char* env_name;
    const char* key;
  };
  const Setting required[] = {
      {config.client_id, "ZOHO_CLIENT_ID", "client_id"},
      {config.client_secret, "ZOHO_CLIENT_SECRET", "client_secret"},
      {config.refresh_token, "ZOHO_REFRESH_TOKEN", "refresh_token"},
      {config.organization_id, "ZOHO_ORGANIZATION_ID", "organization_id"},
  };
  std::string missing;
  for (const Setting& setting : required) {
    if (!setting.value.empty()) continue;
    if (!missing.empty()) missing += ", ";
    missing += std::string(setting.env_name) + " ([zoho] " + setting.key + ")";
  }
  if (!missing.empty()) {
    throw core::config_error("missing Zoho settings: " + missing + "; set them in the environment or the config file");
  }
  if (config.requests_per_minute < 1) {
    throw core::config_error("ZOHO_REQUESTS_PER_MINUTE ([zoho] requests_per_minute) must be at least 1");
  }
  if (config.daily_call_budget < 0) {
    throw core::config_error("ZOHO_DAILY_CALL_BUDGET ([zoho] daily_call_budget) must be 0 (none) or more");
  }
  resolve_endpoints(config);  // the data center, product and host overrides
}

}  // namespace tshsync::zoho
