#include <tshsync/app/health_command.hpp>

#include <cstdio>

#include <fmt/format.h>

#include <tshsync/checks/health.hpp>
#include <tshsync/checks/text_table.hpp>
#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/util/duration.hpp>

namespace tshsync::app {

namespace {

std::string age_text(const checks::SyncFigures& s) {
  if (s.last_success_age) return checks::approximate_age(*s.last_success_age) + " ago";
  return s.has_run ? "never succeeded" : "never";
}

std::string rate_text(const checks::WebhookTypeFigures& t) {
  return fmt::format("{:.1f}%", checks::rate_percent(t.successes, t.total));
}

// On a terminal: aligned tables of the figures, then the alerts.
void print_tables(const checks::HealthReport& report) {
  const auto& f = report.figures;
  std::vector<std::vector<std::string>> hooks;
  for (const auto& t : f.webhook_types)
    hooks.push_back({t.event_type, std::to_string(t.total), std::to_string(t.successes), std::to_string(t.errors),
                     std::to_string(t.ignored), rate_text(t)});
  std::string out = fmt::format("webhooks in the last {}:\n", util::format_duration(f.window));
  out += checks::format_table({"EVENT TYPE", "TOTAL", "SUCCESS", "ERROR", "IGNORED", "RATE"}, hooks, {1, 2, 3, 4, 5});
  std::vector<std::vector<std::string>> syncs;
  for (const auto& s : f.syncs)
    syncs.push_back(
        {s.command, age_text(s),
         checks::to_string(checks::sync_state(s.last_success_age, s.has_run, report.thresholds.stale_after))});
  out += "\n" + checks::format_table({"SYNC", "LAST SUCCESS", "STATE"}, syncs);
  out += "\n" + checks::format_table({"FIGURE", "VALUE"},
                                     {{"signature failures", std::to_string(f.signature_failures)},
                                      {"stuck sync jobs", std::to_string(f.stuck_jobs)},
                                      {"dead letters unresolved", std::to_string(f.dlq_depth)},
                                      {"dead letters exhausted", std::to_string(f.dlq_exhausted)},
                                      {"dead letters needing a human", std::to_string(f.dlq_needs_human)},
                                      {"active products without prices", std::to_string(f.products_without_prices)}},
                                     {1});
  if (!report.alerts.empty()) {
    std::vector<std::vector<std::string>> alerts;
    for (const auto& a : report.alerts) alerts.push_back({core::to_string(a.priority), a.check, a.message});
    out += "\n" + checks::format_table({"PRIORITY", "CHECK", "ALERT"}, alerts);
  }
  std::fputs(out.c_str(), stderr);
}

// For logs and cron mail: the figures on a few lines, then one line per alert.
void print_lines(const checks::HealthReport& report) {
  const auto& f = report.figures;
  std::string rates;
  for (const auto& t : f.webhook_types)
    rates +=
        fmt::format("{}{} {} ({}/{})", rates.empty() ? "" : ", ", t.event_type, rate_text(t), t.successes, t.total);
  core::log_info("webhooks in the last {}: {} events{}{}", util::format_duration(f.window), f.webhook_events,
                 rates.empty() ? "" : ": ", rates);
  std::string syncs;
  for (const auto& s : f.syncs) syncs += fmt::format("{}{} {}", syncs.empty() ? "" : ", ", s.command, age_text(s));
  core::log_info("last successful syncs: {}", syncs);
  core::log_info(
      "signature failures {}, stuck jobs {}, dead letters {} ({} exhausted, {} for a human), "
      "active products without prices {}",
      f.signature_failures, f.stuck_jobs, f.dlq_depth, f.dlq_exhausted, f.dlq_needs_human, f.products_without_prices);
  for (const auto& a : report.alerts) core::log_info("{} {}: {}", core::to_string(a.priority), a.check, a.message);
}

void set_counts(core::RunReport& out, const checks::HealthReport& report) {
  const auto& f = report.figures;
  std::vector<core::HealthFinding> findings;
  for (const auto& a : report.alerts) findings.push_back({a.priority, a.check, a.subject, a.message});
  const auto highest = checks::highest_priority(report.alerts);
  nlohmann::json rates = nlohmann::json::object();
  for (const auto& t : f.webhook_types) rates[t.event_type] = checks::rate_percent(t.successes, t.total);
  nlohmann::json ages = nlohmann::json::object();
  for (const auto& s : f.syncs)
    ages[s.command] = s.last_success_age ? nlohmann::json(s.last_success_age->count()) : nlohmann::json(nullptr);
  out.set_health_findings(std::move(findings));
  out.set("highest_priority", highest ? nlohmann::json(core::to_string(*highest)) : nlohmann::json(nullptr));
  out.set("window_seconds", f.window.count());
  out.set("webhook_rates", rates);
  out.set("webhook_events", f.webhook_events);
  out.set("signature_failures", f.signature_failures);
  out.set("stuck_jobs", f.stuck_jobs);
  out.set("sync_last_success_age_seconds", ages);
  out.set("dlq_depth", f.dlq_depth);
  out.set("dlq_exhausted", f.dlq_exhausted);
  out.set("dlq_needs_human", f.dlq_needs_human);
  out.set("products_without_prices", f.products_without_prices);
  out.set("newest_webhook_age_seconds",
          f.newest_webhook_age ? nlohmann::json(f.newest_webhook_age->count()) : nlohmann::json(nullptr));
}

}  // namespace

core::ExitCode health_command(RunContext& ctx, const HealthOptions& options) {
  const auto window = options.window.value_or(ctx.config.health.window);
  if (window.count() <= 0) throw core::usage_error("--window must be longer than 0s, e.g. 1h");
  const checks::HealthReport report = checks::check_health(
      ctx.db,
      {window, ctx.config.health.stale_after, ctx.config.health.stuck_after, ctx.config.sync.webhooks_quiet_after});
  // The JSON document goes before the metrics line, which stays last on stdout.
  if (options.json) {
    std::fputs((checks::to_json(report).dump(2) + "\n").c_str(), stdout);
    std::fflush(stdout);
  }
  if (core::verbosity() != core::Verbosity::quiet) {
    if (core::stderr_is_terminal())
      print_tables(report);
    else
      print_lines(report);
  }
  set_counts(ctx.report, report);
  return report.alerts.empty() ? core::ExitCode::success : core::ExitCode::problems;
}

}  // namespace tshsync::app
