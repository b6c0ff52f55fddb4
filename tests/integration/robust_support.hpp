#pragma once

// Shared by the test_robust_*.cpp suites (issue 10: a misbehaving Zoho or
// database never corrupts the ERP, never hangs a run).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/standin.hpp"
#include "support/standin_helpers.hpp"
#include "support/tshsync_cli.hpp"

namespace tshsync::test::robust {

// The audit catalog (1,356 items, 7 pages of /items) without a rate limit.
inline std::vector<std::string> audit_catalog() { return {"--catalog", "audit", "--rate-limit", "0"}; }

// Replaces the stand-in's fault rules.
inline void set_faults(const Standin& standin, const nlohmann::json& rules) {
  standin.admin_post("/_admin/faults", nlohmann::json{{"rules", rules}});
}

// Every live item as the export shows it.
inline nlohmann::json export_items(const Standin& standin) { return standin.admin_get("/_admin/export")["items"]; }

}  // namespace tshsync::test::robust
