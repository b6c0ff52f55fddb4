#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::checks {

// tshsync status: what the database knows about the sync, read in one
// read-only snapshot; no Zoho call, no write.
struct StatusOptions {
  std::chrono::seconds stale_after{std::chrono::hours(2)};  // [health].stale_after: overdue beyond this
  std::string organization_id;                              // whose API calls today to show
  int daily_call_budget = 0;                                // 0: none
  std::map<std::string, double> call_shares;                // [zoho.call_shares]
};

struct CommandRun {
  std::string at;  // UTC ISO-8601
  long long age_seconds = 0;
  std::string status;
  std::string error;  // only for the last error
};

struct CommandStatus {
  std::string command;
  bool scheduled = false;  // health and status judge its freshness
  std::optional<CommandRun> last_run;
  std::optional<CommandRun> last_success;
  std::optional<CommandRun> last_error;
  nlohmann::json state = nlohmann::json::object();  // tshsync_state: <command>.cursor, .full, strategy.<command>
  bool overdue = false;
  std::string overdue_reason;
  // Zoho calls today (UTC, tshsync_call_usage) against its share of the budget
  // (zoho/call_shares.hpp): what it may have spent by now, and by midnight; 0: no cap.
  long long calls_today = 0;
  long long calls_allowed_now = 0;
  long long calls_share = 0;
};

struct TokenStatus {
  std::string cache_key;
  std::string expires_at;  // "" when unknown
  long long expires_in_seconds = 0;
  bool usable = false;  // an access token that has not expired
};

struct StatusReport {
  int schema_version = 0;
  int latest_schema_version = 0;
  std::vector<CommandStatus> commands;
  nlohmann::json other_state = nlohmann::json::object();   // tshsync_state keys of no command
  nlohmann::json dead_letters = nlohmann::json::object();  // pending, needs_human, exhausted, resolved
  std::vector<TokenStatus> tokens;
  long long api_calls_today = 0;
  int daily_call_budget = 0;
  bool overdue() const;
};

// The commands that keep sync_logs rows, in schedule order.
const std::vector<std::string>& ledger_commands();

StatusReport read_status(pqxx::connection& conn, const StatusOptions& options);

nlohmann::json to_json(const StatusReport& report);

}  // namespace tshsync::checks
