#include <tshsync/app/status_command.hpp>

#include <cstdio>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include <tshsync/checks/health_alerts.hpp>
#include <tshsync/checks/status.hpp>
#include <tshsync/checks/text_table.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/db/connection.hpp>

namespace tshsync::app {

namespace {

std::string when(const std::optional<checks::CommandRun>& run) {
  if (!run) return "never";
  return fmt::format("{} ({} ago)", run->at, checks::approximate_age(std::chrono::seconds(run->age_seconds)));
}

std::string state_text(const nlohmann::json& state) {
  std::string out;
  for (const auto& [key, entry] : state.items())
    out += fmt::format("{}{}={}", out.empty() ? "" : " ", key, entry["value"].dump());
  return out.empty() ? "-" : out;
}

std::string budget_text(const checks::StatusReport& r) {
  if (r.daily_call_budget == 0) return fmt::format("{} (no budget set)", r.api_calls_today);
  return fmt::format("{} of {} ({:.0f}%)", r.api_calls_today, r.daily_call_budget,
                     100.0 * static_cast<double>(r.api_calls_today) / r.daily_call_budget);
}

// "41 of 96 allowed by now (275 a day)": the command's share of [zoho].daily_call_budget.
std::string calls_text(const checks::CommandStatus& c) {
  if (c.calls_share == 0) return std::to_string(c.calls_today);
  return fmt::format("{} of {} allowed by now ({} a day)", c.calls_today, c.calls_allowed_now, c.calls_share);
}

void print_text(const checks::StatusReport& r) {
  std::string out = fmt::format("schema version {} (this binary: {})\n", r.schema_version, r.latest_schema_version);
  if (r.schema_version == 0) {
    out += "tshsync has not migrated this database: run tshsync migrate\n";
    std::fputs(out.c_str(), stderr);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : r.commands) {
    std::string error = c.last_error ? when(c.last_error) + " " + c.last_error->status : "-";
    if (c.last_error && !c.last_error->error.empty()) error += ": " + c.last_error->error;
    rows.push_back({c.command, c.last_run ? when(c.last_run) + " " + c.last_run->status : "never", when(c.last_success),
                    c.overdue ? "OVERDUE: " + c.overdue_reason : "ok", error, calls_text(c), state_text(c.state)});
  }
  out +=
      "\n" + checks::format_table(
                 {"COMMAND", "LAST RUN", "LAST SUCCESS", "SCHEDULE", "LAST ERROR", "ZOHO CALLS TODAY", "STATE"}, rows);
  for (const auto& [key, entry] : r.other_state.items())
    out +=
        fmt::format("state {} = {} (updated {})\n", key, entry["value"].dump(), entry["updated_at"].get<std::string>());
  out += fmt::format("\ndead letters: {} pending, {} waiting for a human, {} exhausted, {} resolved\n",
                     r.dead_letters["pending"].get<long long>(), r.dead_letters["needs_human"].get<long long>(),
                     r.dead_letters["exhausted"].get<long long>(), r.dead_letters["resolved"].get<long long>());
  if (r.tokens.empty()) out += "Zoho access token: none cached\n";
  for (const auto& t : r.tokens) {
    if (t.usable)
      out += fmt::format("Zoho access token {}: expires {} (in {})\n", t.cache_key, t.expires_at,
                         checks::approximate_age(std::chrono::seconds(t.expires_in_seconds)));
    else
      out += fmt::format("Zoho access token {}: expired or invalidated{}\n", t.cache_key,
                         t.expires_at.empty() ? "" : " (" + t.expires_at + ")");
  }
  out += "Zoho API calls today (UTC): " + budget_text(r) + "\n";
  std::fputs(out.c_str(), stderr);
}

}  // namespace

core::ExitCode status_command(const core::ConfigSources& sources, core::RunReport& report,
                              const StatusOptions& options) {
  const core::Config config = core::load_config(sources);
  auto conn = db::connect(config.database.dsn);
  const checks::StatusReport status = checks::read_status(
      *conn,
      {config.health.stale_after, config.zoho.organization_id, config.zoho.daily_call_budget, config.zoho.call_shares});
  if (options.json) {
    std::fputs((checks::to_json(status).dump(2) + "\n").c_str(), stdout);
    std::fflush(stdout);
  } else if (core::verbosity() != core::Verbosity::quiet) {
    print_text(status);
  }
  nlohmann::json overdue = nlohmann::json::array();
  for (const auto& c : status.commands)
    if (c.overdue) overdue.push_back(c.command);
  report.set("schema_version", status.schema_version);
  report.set("overdue", overdue);
  report.set("api_calls_today", status.api_calls_today);
  report.set("dead_letters", status.dead_letters);
  return status.overdue() ? core::ExitCode::problems : core::ExitCode::success;
}

}  // namespace tshsync::app
