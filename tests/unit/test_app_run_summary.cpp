#include <doctest/doctest.h>

#include <tshsync/app/run_summary.hpp>

using nlohmann::json;
using tshsync::core::ExitCode;
using tshsync::core::Priority;

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
  TEST_CASE("validate names the failing error rules by name, then how many only warn, from the typed verdicts") {
    tshsync::core::RunReport report;
    report.set_rule_verdicts({{"c_rule", "warning", 3, "warn", {}},
                              {"b_rule", "error", 0, "pass", {}},
                              {"a_rule", "error", 104, "fail", {1, 2}}});
    CHECK(tshsync::app::run_summary_line("validate", ExitCode::problems, report) ==
          "validate found problems (exit 1): a_rule 104 (error); 1 rule warn");
    report.set_rule_verdicts({{"e", "error", 5, "fail", {}},
                              {"d", "error", 4, "fail", {}},
                              {"c", "error", 3, "fail", {}},
                              {"b", "error", 2, "fail", {}},
                              {"a", "warning", 1, "warn", {}},
                              {"f", "warning", 1, "warn", {}}});
    CHECK(tshsync::app::run_summary_line("validate", ExitCode::problems, report) ==
          "validate found problems (exit 1): b 2 (error); c 3 (error); d 4 (error); 1 more failing; 2 rules warn");
  }

  TEST_CASE("validate's verdicts are its metrics keys rules, errors and warnings") {
    tshsync::core::RunReport report;
    report.set_rule_verdicts({{"b_rule", "warning", 3, "warn", {"u-1"}},
                              {"a_rule", "error", 104, "fail", {1, 2}},
                              {"c_rule", "info", 7, "warn", {}},
                              {"d_rule", "error", 0, "pass", {}}});
    CHECK(report.counts().dump() ==
          R"({"errors":1,"rules":{"a_rule":{"count":104,"samples":[1,2],"severity":"error","status":"fail"},)"
          R"("b_rule":{"count":3,"samples":["u-1"],"severity":"warning","status":"warn"},)"
          R"("c_rule":{"count":7,"samples":[],"severity":"info","status":"warn"},)"
          R"("d_rule":{"count":0,"samples":[],"severity":"error","status":"pass"}},"warnings":1})");
  }

  TEST_CASE("health lists its findings, most urgent first as given, from the typed findings") {
    tshsync::core::RunReport report;
    report.set_health_findings(
        {{Priority::p1, "signature_failures", "", "82 failures"}, {Priority::p2, "stuck_jobs", "", "13 jobs"}});
    CHECK(tshsync::app::run_summary_line("health", ExitCode::problems, report) ==
          "health found problems (exit 1): P1 signature_failures: 82 failures; P2 stuck_jobs: 13 jobs");
    report.set_health_findings({{Priority::p1, "a", "", "1"},
                                {Priority::p2, "b", "", "2"},
                                {Priority::p2, "c", "", "3"},
                                {Priority::p3, "d", "", "4"}});
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
