#include <tshsync/zoho/call_shares.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <tshsync/core/error.hpp>

namespace tshsync::zoho {

namespace {

std::chrono::seconds since_utc_midnight(util::SystemTime now) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return std::chrono::seconds(((seconds % 86400) + 86400) % 86400);
}

}  // namespace

int64_t allowance_at(int daily_call_budget, double share, std::chrono::seconds into_day) {
  if (daily_call_budget <= 0 || share <= 0) return 0;
  const double day = 86400.0;
  const double grown = std::min(1.0, static_cast<double>((into_day + kShareHeadroom).count()) / day);
  // At least one call, so a tiny share is still a share and never means "no cap".
  return std::max<int64_t>(1, static_cast<int64_t>(std::floor(daily_call_budget * share * grown + 1e-9)));
}

int64_t share_allowance(const core::ZohoConfig& config, const std::string& command, util::SystemTime now) {
  const auto share = config.call_shares.find(command);
  if (share == config.call_shares.end()) return 0;
  return allowance_at(config.daily_call_budget, share->second, since_utc_midnight(now));
}

CallShare call_share(const core::ZohoConfig& config, const std::string& command, util::SystemTime now) {
  return {command, share_allowance(config, command, now)};
}

int64_t calls_today(pqxx::connection& conn, const std::string& organization_id, const std::string& command) {
  pqxx::nontransaction tx(conn);
  const auto rows = tx.exec_params(
      "SELECT calls FROM tshsync_call_usage WHERE organization_id = $1 AND command = $2 "
      "AND day = (clock_timestamp() AT TIME ZONE 'UTC')::date",
      organization_id, command);
  return rows.empty() ? 0 : rows[0][0].as<int64_t>();
}

int64_t defer_if_over_share(pqxx::connection& conn, const core::ZohoConfig& config, const std::string& command,
                            int64_t estimated, core::RunReport& report) {
  const int64_t allowance = share_allowance(config, command, std::chrono::system_clock::now());
  if (allowance == 0) return -1;
  const int64_t spent = calls_today(conn, config.organization_id, command);
  const int64_t left = std::max<int64_t>(0, allowance - spent);
  if (estimated > left) {
    report.set("deferred", true);
    report.set("calls_estimated", estimated);
    report.set("share_left", left);
    throw core::temp_fail_error(fmt::format(
        "deferred: {} would make about {} Zoho call(s) but has {} left of its share ({} of {} spent so far today; "
        "[zoho.call_shares] of daily_call_budget {}); a later run goes ahead",
        command, estimated, left, spent, allowance, config.daily_call_budget));
  }
  return left;
}

}  // namespace tshsync::zoho
