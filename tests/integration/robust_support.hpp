#pragma once

// Shared by the test_robust_*.cpp suites (issue 10: a misbehaving Zoho or
// database never corrupts the ERP, never hangs a run).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

namespace tshsync::test::robust {

// The audit catalog (1,356 items, 7 pages of /items) without a rate limit.
inline std::vector<std::string> audit_catalog() { return {"--catalog", "audit", "--rate-limit", "0"}; }

inline Env pull_env(const Standin& standin) {
  Env env = standin.zoho_env();
  env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
  return env;
}

// Replaces the stand-in's fault rules.
inline void set_faults(const Standin& standin, const nlohmann::json& rules) {
  standin.admin_post("/_admin/faults", nlohmann::json{{"rules", rules}});
}

// Every live item as the export shows it.
inline nlohmann::json export_items(const Standin& standin) { return standin.admin_get("/_admin/export")["items"]; }

inline long long items_list_calls(const Standin& standin) {
  return standin.admin_get("/_admin/stats")["by_endpoint"]["items_list"].get<long long>();
}

}  // namespace tshsync::test::robust
