#include <doctest/doctest.h>

#include <tshsync/app/run_summary.hpp>

using nlohmann::json;
using tshsync::core::ExitCode;

namespace {

tshsync::core::RunReport report_of(const json& counts) {
  tshsync::core::RunReport report;
  for (const auto& [key, value] : counts.items()) report.set(key, value);
  return report;
}

std::string run_summary_line(const std::string& command, int exit_code, const json& counts) {
  return tshsync::app::run_summary_line(command, static_cast<ExitCode>(exit_code), report_of(counts));
}

}  // namespace

TEST_SUITE("app run summary") {
  TEST_CASE("validate names the failing error rules, then how many only warn") {
    const json counts{{"errors", 2},
                      {"rules",
                       {{"a_rule", {{"status", "fail"}, {"count", 104}, {"severity", "error"}}},
                        {"b_rule", {{"status", "pass"}, {"count", 0}, {"severity", "error"}}},
                        {"c_rule", {{"status", "warn"}, {"count", 3}, {"severity", "warning"}}}}}};
    CHECK(run_summary_line("validate", 1, counts) ==
          "validate found problems (exit 1): a_rule 104 (error); 1 rule warn");
  }

  TEST_CASE("health lists its findings, most urgent first as given, from the typed findings") {
    tshsync::core::RunReport report;
    report.set_health_findings({{"P1", "signature_failures", "", "82 failures"}, {"P2", "stuck_jobs", "", "13 jobs"}});
    CHECK(tshsync::app::run_summary_line("health", ExitCode::problems, report) ==
          "health found problems (exit 1): P1 signature_failures: 82 failures; P2 stuck_jobs: 13 jobs");
    report.set_health_findings(
        {{"P1", "a", "", "1"}, {"P2", "b", "", "2"}, {"P2", "c", "", "3"}, {"P3", "d", "", "4"}});
    CHECK(tshsync::app::run_summary_line("health", ExitCode::problems, report) ==
          "health found problems (exit 1): P1 a: 1; P2 b: 2; P2 c: 3; 1 more");
  }

  TEST_CASE("a partial run gives its telling counts; a signature its verdict; no counts, the bare line") {
    CHECK(run_summary_line("pull-products", 2, {{"failed", 3}, {"fetched", 4197}, {"updated", 0}}) ==
          "pull-products partly failed (exit 2): 3 failed, 4197 fetched");
    CHECK(run_summary_line("verify-signature", 1, {{"valid", false}, {"encoding", "hex"}}) ==
          "verify-signature found problems (exit 1): signature invalid (hex)");
    CHECK(run_summary_line("replay-dlq", 2, json::object()) == "replay-dlq partly failed (exit 2)");
    CHECK(run_summary_line("status", 1,
                           {{"overdue", json::array({"pull-stock", "pull-prices"})}, {"api_calls_today", 12}}) ==
          "status found problems (exit 1): overdue: pull-stock, pull-prices");
  }
}
