#include "support/standin_helpers.hpp"

#include <nlohmann/json.hpp>

namespace tshsync::test {

std::vector<std::string> large_catalog(int items) {
  return {"--catalog", "large", "--items", std::to_string(items), "--rate-limit", "0"};
}

Env pull_env(const Standin& standin, const std::string& product) {
  Env env = standin.zoho_env();
  env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
  env["ZOHO_PRODUCT"] = product;
  return env;
}

std::vector<std::string> item_ids(const Standin& standin, std::size_t count, std::size_t stride) {
  const nlohmann::json items = standin.admin_get("/_admin/export?part=items&fields=item_id")["items"];
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < count && i * stride < items.size(); ++i) ids.push_back(items[i * stride]["item_id"]);
  return ids;
}

long long items_list_calls(const Standin& standin) {
  return standin.admin_get("/_admin/stats")["by_endpoint"]["items_list"].get<long long>();
}

}  // namespace tshsync::test
