#include <doctest/doctest.h>

#include <tshsync/alerts/alert_rules.hpp>

using namespace tshsync;
using alerts::alerts_for_run;
using core::ExitCode;
using core::Priority;

namespace {

core::RunOutcome ended(const std::string& command, ExitCode code, const std::string& error = "") {
  core::RunOutcome o;
  o.command = command;
  o.exit_code = code;
  o.error = error;
  return o;
}

core::ExhaustedDeadLetter dead_letter(int n) {
  return {std::to_string(n), "item.update", "log-" + std::to_string(n), "HTTP 500"};
}

}  // namespace

TEST_SUITE("alerts alert rules") {
  TEST_CASE("a run that succeeded, found problems, or was locked or rate-limited raises nothing") {
    CHECK(alerts_for_run(ended("pull-stock", ExitCode::success)).empty());
    CHECK(alerts_for_run(ended("validate", ExitCode::problems)).empty());
    CHECK(alerts_for_run(ended("pull-stock", ExitCode::temp_fail, "another pull-stock run holds the lock")).empty());
  }

  TEST_CASE("a failed run is P2 'failed', its error and exit code in the detail, the code the cool-down subject") {
    const auto out = alerts_for_run(ended("pull-products", ExitCode::unavailable, "zoho unreachable"));
    REQUIRE(out.size() == 1);
    CHECK(out[0].priority == Priority::p2);
    CHECK(out[0].kind == "failed");
    CHECK(out[0].subject == "69");
    CHECK(out[0].summary == "failed");
    CHECK(out[0].detail == "zoho unreachable (exit 69)");
    CHECK(alerts_for_run(ended("migrate", ExitCode::config)).at(0).detail == "exit 78");
  }

  TEST_CASE("partial and interrupted runs (SIGINT 130, SIGTERM 143) are P3") {
    const auto partial = alerts_for_run(ended("pull-prices", ExitCode::partial));
    REQUIRE(partial.size() == 1);
    CHECK(partial[0].priority == Priority::p3);
    CHECK(partial[0].kind == "partial");
    for (const ExitCode code : {ExitCode::interrupted, static_cast<ExitCode>(143)}) {
      const auto out = alerts_for_run(ended("replay-dlq", code));
      REQUIRE(out.size() == 1);
      CHECK(out[0].priority == Priority::p3);
      CHECK(out[0].kind == "interrupted");
      CHECK(out[0].subject == std::to_string(core::to_int(code)));
    }
  }

  TEST_CASE("health's findings become one message at their highest priority, only when health exits 1") {
    core::RunOutcome o = ended("health", ExitCode::problems);
    o.report.set_health_findings({{Priority::p3, "never_run", "pull-stock", "pull-stock has never run"},
                                  {Priority::p1, "signature_failures", "", "82 signature failures"},
                                  {Priority::p2, "stuck_jobs", "", "2 stuck jobs"}});
    const auto out = alerts_for_run(o);
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == "health");
    CHECK(out[0].priority == Priority::p1);
    CHECK(out[0].subject == "P1");
    CHECK(out[0].summary == "found 3 problems");
    CHECK(out[0].detail == "pull-stock has never run; 82 signature failures; 2 stuck jobs");

    o.report.set_health_findings({{Priority::p4, "x", "", "one"}});
    CHECK(alerts_for_run(o).at(0).summary == "found 1 problem");
    CHECK(alerts_for_run(o).at(0).priority == Priority::p4);

    o.exit_code = ExitCode::success;  // findings without exit 1 are not health's verdict
    CHECK(alerts_for_run(o).empty());
    core::RunOutcome other = ended("validate", ExitCode::problems);
    other.report.set_health_findings({{Priority::p1, "x", "", "not health"}});
    CHECK(alerts_for_run(other).empty());
  }

  TEST_CASE("exhausted dead letters: one P2 each for the first five, then one summary; beside the exit alert") {
    core::RunOutcome o = ended("replay-dlq", ExitCode::partial);
    std::vector<core::ExhaustedDeadLetter> entries;
    for (int n = 1; n <= 7; ++n) entries.push_back(dead_letter(n));
    entries[0].original_id.clear();
    o.report.set_exhausted_dead_letters(entries);
    const auto out = alerts_for_run(o);
    REQUIRE(out.size() == 1 + alerts::kMaxExhaustedAlerts + 1);
    CHECK(out[0].kind == "partial");
    CHECK(out[1].kind == "dead_letter_exhausted");
    CHECK(out[1].priority == Priority::p2);
    CHECK(out[1].subject == "1");
    CHECK(out[1].detail == "item.update 1 exhausted its retries: HTTP 500");  // no original id: the entry's
    CHECK(out[2].detail == "item.update log-2 exhausted its retries: HTTP 500");
    CHECK(out[5].subject == "5");
    CHECK(out[6].subject == "more");
    CHECK(out[6].detail == "2 more dead letters exhausted their retries (tshsync health lists them)");
  }

  TEST_CASE("the rules read the typed fields: a count set under the old metrics key raises nothing") {
    core::RunOutcome o = ended("replay-dlq", ExitCode::success);
    o.report.set("exhausted_entries", nlohmann::json::array({{{"id", "9"}}}));
    CHECK(alerts_for_run(o).empty());
    o.report.set_exhausted_dead_letters({dead_letter(9)});
    CHECK(alerts_for_run(o).size() == 1);
  }
}
