#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include <pqxx/pqxx>

#include <tshsync/core/config.hpp>
#include <tshsync/core/run_report.hpp>
#include <tshsync/util/time_format.hpp>

// How [zoho].daily_call_budget is shared between the commands that call Zoho.
//
// The rule: a command with a share s of a budget B may have spent, by hour h
// of the UTC day, at most  floor(B * s * min(1, (h + 6) / 24))  calls. Its
// allowance grows through the day, so neither another command nor its own
// early runs can take what later runs of the same day need; the 6 hours of
// headroom let the night's backstop listings run at full price. A run
// estimates its calls first and defers (exit 75) when they would cross the
// allowance; a run that crosses it anyway (Zoho answered more pages than
// expected) stops at the crossing with BudgetExhausted (75), as for the
// organization's whole budget. Without a budget nothing is capped, but every
// call is still counted per command (tshsync_call_usage) for `status`.
namespace tshsync::zoho {

constexpr std::chrono::hours kShareHeadroom{6};

// The calls `command` may have spent by `now`; 0 when nothing caps it (no
// budget, or a command without a share: it only counts against the budget).
int64_t share_allowance(const core::ZohoConfig& config, const std::string& command, util::SystemTime now);

// The pure rule above (`into_day`: time since 00:00 UTC).
int64_t allowance_at(int daily_call_budget, double share, std::chrono::seconds into_day);

// What a command's calls are counted and capped as.
struct CallShare {
  std::string command;    // "" counts nothing per command (check)
  int64_t allowance = 0;  // 0: no cap
};

CallShare call_share(const core::ZohoConfig& config, const std::string& command, util::SystemTime now);

// Calls `command` made today (UTC) for the organization.
int64_t calls_today(pqxx::connection& conn, const std::string& organization_id, const std::string& command);

// Throws a temp_fail error ("deferred: ...", exit 75) when `estimated` more
// calls would take `command` past its allowance, after setting `deferred`,
// `calls_estimated` and `share_left` in the run's metrics. Returns the calls
// it may still make (-1: no cap).
int64_t defer_if_over_share(pqxx::connection& conn, const core::ZohoConfig& config, const std::string& command,
                            int64_t estimated, core::RunReport& report);

}  // namespace tshsync::zoho
