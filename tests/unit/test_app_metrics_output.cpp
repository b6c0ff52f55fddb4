#include <doctest/doctest.h>

#include <tshsync/alerts/alert_rules.hpp>
#include <tshsync/app/metrics_output.hpp>
#include <tshsync/checks/health.hpp>

using namespace tshsync;
using nlohmann::json;

namespace {

core::RunOutcome replay_outcome() {
  core::RunOutcome o;
  o.command = "replay-dlq";
  o.status = core::RunStatus::partial;
  o.exit_code = core::ExitCode::partial;
  o.started_at = 0;
  o.duration_seconds = 1.23456;
  o.report.set("due", 3);
  o.report.set_exhausted_dead_letters({{"7", "item.update", "42", "HTTP 500"}});
  return o;
}

}  // namespace

TEST_SUITE("app metrics output") {
  TEST_CASE("the metrics line: counts as top-level keys in key order, then the fixed keys, on one line") {
    CHECK(
        app::metrics_line(replay_outcome()) ==
        R"({"command":"replay-dlq","due":3,"duration_seconds":1.234,"exhausted_entries":[{"event_type":"item.update",)"
        R"("id":"7","last_error":"HTTP 500","original_id":"42"}],"exit_code":2,"status":"partial",)"
        R"("ts":"1970-01-01T00:00:00Z"})");
  }

  TEST_CASE("the fixed keys win over a count of the same name; an error is shown only when there is one") {
    core::RunOutcome o;
    o.command = "health";
    o.status = core::RunStatus::skipped;
    o.exit_code = core::ExitCode::temp_fail;
    o.error = "another health run holds the lock; skipped";
    o.report.set("status", "mine");
    const json line = json::parse(app::metrics_line(o));
    CHECK(line["status"] == "skipped");
    CHECK(line["exit_code"] == 75);
    CHECK(line["error"] == o.error);
    o.error.clear();
    CHECK_FALSE(json::parse(app::metrics_line(o)).contains("error"));
  }

  TEST_CASE("every run status is written as the metrics line has always said it") {
    CHECK(core::to_string(core::RunStatus::success) == "success");
    CHECK(core::to_string(core::RunStatus::problems) == "problems");
    CHECK(core::to_string(core::RunStatus::partial) == "partial");
    CHECK(core::to_string(core::RunStatus::skipped) == "skipped");
    CHECK(core::to_string(core::RunStatus::failed) == "failed");
  }

  TEST_CASE("health's findings are written exactly as health's own JSON writes an alert") {
    const checks::Alert alert{checks::Priority::p1, "signature_failures", "", "82 signature failures"};
    core::RunReport report;
    report.set_health_findings({{alert.priority, alert.check, alert.subject, alert.message}});
    CHECK(report.counts()["alerts"] == json::array({checks::to_json(alert)}));
    report.set_health_findings({});
    CHECK(report.counts()["alerts"] == json::array());  // health always reports the key
  }

  TEST_CASE("no exhausted dead letters, no exhausted_entries key") {
    core::RunReport report;
    report.set_exhausted_dead_letters({});
    CHECK_FALSE(report.counts().contains("exhausted_entries"));
    report.set_exhausted_dead_letters({{"1", "a", "b", "c"}});
    report.set_exhausted_dead_letters({});
    CHECK_FALSE(report.counts().contains("exhausted_entries"));
  }

  TEST_CASE("the metrics line and the alerts are written from the same outcome: what one shows, the other sends") {
    const core::RunOutcome o = replay_outcome();
    const json line = json::parse(app::metrics_line(o));
    const auto sent = alerts::alerts_for_run(o);
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].subject == std::to_string(line["exit_code"].get<int>()));
    CHECK(sent[1].subject == line["exhausted_entries"][0]["id"]);
  }
}
