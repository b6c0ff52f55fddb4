#include <tshsync/app/validate_command.hpp>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include <tshsync/checks/text_table.hpp>
#include <tshsync/checks/validate.hpp>
#include <tshsync/core/log.hpp>

namespace tshsync::app {

namespace {

std::string sample_text(const std::vector<nlohmann::json>& samples, long long count, size_t shown) {
  std::string out;
  for (size_t i = 0; i < samples.size() && i < shown; ++i)
    out += (i ? ", " : "") + (samples[i].is_string() ? samples[i].get<std::string>() : samples[i].dump());
  if (count > static_cast<long long>(std::min(samples.size(), shown)) && !out.empty()) out += ", ...";
  return out;
}

// A terminal gets every rule in a table; logs and cron mail get one line per
// rule that found something.
void print_results(const checks::ValidationRun& run) {
  if (core::verbosity() == core::Verbosity::quiet) return;
  if (core::stderr_is_terminal()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : run.results)
      rows.push_back(
          {r.rule->name, r.rule->severity, std::to_string(r.count), r.status, sample_text(r.samples, r.count, 5)});
    const std::string table = checks::format_table({"RULE", "SEVERITY", "COUNT", "STATUS", "SAMPLE IDS"}, rows, {2});
    std::fputs(table.c_str(), stderr);
    return;
  }
  for (const auto& r : run.results) {
    if (r.status == "pass") continue;
    core::log_info("{}: {} ({}, {}){}", r.rule->name, r.count, r.rule->severity, r.status,
                   r.samples.empty() ? "" : ", e.g. ids " + sample_text(r.samples, r.count, 5));
  }
}

}  // namespace

core::ExitCode validate_command(RunContext& ctx, const checks::ValidateOptions& options) {
  const checks::ValidationRun run = checks::run_validation(ctx.db, options);
  std::vector<core::RuleVerdict> verdicts;
  for (const auto& r : run.results) verdicts.push_back({r.rule->name, r.rule->severity, r.count, r.status, r.samples});
  const auto passed = std::count_if(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.status == "pass"; });
  const int64_t errors = core::rules_with_findings(verdicts, "error");
  print_results(run);
  core::log_info("{} rules checked: {} passed, {} errors, {} warnings", run.results.size(), passed, errors,
                 core::rules_with_findings(verdicts, "warning"));
  ctx.report.set("run_id", run.run_id);
  ctx.report.set_rule_verdicts(std::move(verdicts));
  return errors > 0 ? core::ExitCode::problems : core::ExitCode::success;
}

}  // namespace tshsync::app
