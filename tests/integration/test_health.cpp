#include <doctest/doctest.h>

#include <algorithm>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

// A successful run of each scheduled command `age` ago.
void recent_syncs(TestDatabase& db, const std::string& age = "10 minutes") {
  db.exec(
      "INSERT INTO sync_logs (sync_type, status, created_at, finished_at)"
      " SELECT c, 'success', now() - interval '" +
      age + "', now() - interval '" + age +
      "'"
      " FROM unnest(ARRAY['pull-products', 'pull-stock', 'pull-prices', 'replay-dlq']) AS c");
}

const nlohmann::json* find_alert(const nlohmann::json& m, const std::string& check, const std::string& subject = "") {
  for (const auto& a : m["alerts"])
    if (a["check"] == check && a["subject"] == subject) return &a;
  return nullptr;
}

}  // namespace

TEST_SUITE("health") {
  TEST_CASE("health judges the audit's data: rates, signature failures, stuck jobs, prices") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"health", "--window", "1h"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    const auto m = metrics_of(r);
    CHECK(m["status"] == "problems");
    CHECK(m["webhook_rates"]["item.create"] == 82.4);
    CHECK(m["webhook_rates"]["item.update"] == 99.8);
    CHECK(m["webhook_rates"]["invoice.create"] == 100.0);
    CHECK(m["webhook_events"] == 1708);  // the audit's table sums to 1,708 (its text says 1,709)
    CHECK(m["signature_failures"] == 82);
    CHECK(m["stuck_jobs"] == 13);
    CHECK(m["products_without_prices"] == 104);
    CHECK(m["highest_priority"] == "P1");

    const auto* rate = find_alert(m, "webhook_success_rate", "item.create");
    REQUIRE_MESSAGE(rate, describe(r));
    CHECK((*rate)["priority"] == "P2");
    CHECK((*rate)["message"] == "item.create success rate 82.4% (28/34) below 90%");
    CHECK_FALSE(find_alert(m, "webhook_success_rate", "item.update"));
    CHECK_FALSE(find_alert(m, "webhook_success_rate", "signature_missing"));  // counted as signature failures
    // Pseudo types: 'test' is all ignored (not rated), 'unknown' 0/18 with 2 errors is one P3.
    CHECK_FALSE(find_alert(m, "webhook_success_rate", "test"));
    CHECK_FALSE(find_alert(m, "webhook_success_rate", "unknown"));
    REQUIRE(find_alert(m, "unknown_event_types"));
    CHECK((*find_alert(m, "unknown_event_types"))["priority"] == "P3");
    CHECK((*find_alert(m, "unknown_event_types"))["message"].get<std::string>().find("2 of 18 ") == 0);
    REQUIRE(find_alert(m, "signature_failures"));
    CHECK((*find_alert(m, "signature_failures"))["priority"] == "P1");
    REQUIRE(find_alert(m, "stuck_jobs"));
    CHECK((*find_alert(m, "stuck_jobs"))["message"].get<std::string>().find("13 sync jobs") == 0);
    REQUIRE(find_alert(m, "products_without_prices"));
    CHECK((*find_alert(m, "products_without_prices"))["priority"] == "P2");
    // tshsync's own syncs never ran on the audit's database: not scheduled yet.
    REQUIRE(find_alert(m, "sync_freshness", "pull-stock"));
    CHECK((*find_alert(m, "sync_freshness", "pull-stock"))["priority"] == "P3");
    CHECK_FALSE(find_alert(m, "all_syncs_failing"));
    CHECK(r.err.find("item.create 82.4% (28/34)") != std::string::npos);

    // Every figure is recorded, in one run.
    CHECK(db.count("SELECT count(DISTINCT recorded_at) FROM webhook_health_metrics") == 1);
    CHECK(db.text("SELECT metric_value::text FROM webhook_health_metrics WHERE metric_name = 'webhook_success_rate'"
                  " AND tags->>'event_type' = 'item.create'") == "82.4");
    CHECK(db.count("SELECT metric_value FROM webhook_health_metrics WHERE metric_name = 'sync_jobs_stuck'") == 13);
    CHECK(
        db.count("SELECT metric_value FROM webhook_health_metrics WHERE metric_name = 'webhook_signature_failures'") ==
        82);
    CHECK(db.count("SELECT metric_value FROM webhook_health_metrics WHERE metric_name = 'products_without_prices'") ==
          104);
  }

  TEST_CASE("a clean database with recent successful syncs is healthy") {
    TestDatabase db;
    migrate(db);
    recent_syncs(db);
    auto r = run_tshsync(db, {"health"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto m = metrics_of(r);
    CHECK(m["status"] == "success");
    CHECK(m["alerts"].empty());
    CHECK(m["highest_priority"].is_null());
    CHECK(m["sync_last_success_age_seconds"]["pull-stock"] >= 600);
    CHECK(db.count(
              "SELECT count(*) FROM webhook_health_metrics WHERE metric_name = 'health_alerts' AND metric_value = 0") ==
          1);
  }

  TEST_CASE("syncs: stale is P2, all of them failing for over an hour is P1") {
    TestDatabase db;
    migrate(db);
    recent_syncs(db, "5 hours");
    db.exec(
        "INSERT INTO sync_logs (sync_type, status, created_at) VALUES ('pull-stock', 'failed', now() - interval '5 "
        "minutes')");
    auto r = run_tshsync(db, {"health"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    const auto m = metrics_of(r);
    REQUIRE(find_alert(m, "sync_freshness", "pull-stock"));
    CHECK((*find_alert(m, "sync_freshness", "pull-stock"))["priority"] == "P2");
    REQUIRE(find_alert(m, "all_syncs_failing"));
    CHECK(m["highest_priority"] == "P1");

    recent_syncs(db, "1 minute");
    r = run_tshsync(db, {"health"});
    CHECK_MESSAGE(r.exit_code == 0, describe(r));
  }

  TEST_CASE("an exhausted dead letter is named in a P2 alert") {
    TestDatabase db;
    migrate(db);
    recent_syncs(db);
    db.exec(
        "INSERT INTO webhook_dead_letter_queue (original_webhook_log_id, event_type, payload, retry_count, "
        "exhausted_at)"
        " VALUES ('6f1c1d2e-0000-4000-8000-000000000001', 'item.create', '{}', 10, now() - interval '1 hour'),"
        "        ('6f1c1d2e-0000-4000-8000-000000000002', 'invoice.create', '{}', 2, NULL)");
    db.exec(
        "INSERT INTO webhook_dead_letter_queue (event_type, payload, needs_human) VALUES ('bill.create', '{}', true)");
    auto r = run_tshsync(db, {"health"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    const auto m = metrics_of(r);
    CHECK(m["dlq_depth"] == 3);
    CHECK(m["dlq_exhausted"] == 1);
    CHECK(m["dlq_needs_human"] == 1);
    const auto* exhausted = find_alert(m, "dlq_exhausted");
    REQUIRE_MESSAGE(exhausted, describe(r));
    CHECK((*exhausted)["priority"] == "P2");
    CHECK((*exhausted)["message"].get<std::string>().find("item.create 6f1c1d2e-0000-4000-8000-000000000001") !=
          std::string::npos);
    REQUIRE(find_alert(m, "dlq_needs_human"));
    CHECK((*find_alert(m, "dlq_needs_human"))["priority"] == "P3");
  }

  TEST_CASE("--json prints the full report before the metrics line") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"health", "--json", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    const size_t last = r.out.rfind('\n', r.out.size() - 2);
    REQUIRE(last != std::string::npos);
    const auto report = nlohmann::json::parse(r.out.substr(0, last));
    CHECK(report["webhooks"]["signature_failures"] == 82);
    CHECK(report["stuck_jobs"] == 13);
    CHECK(report["syncs"].size() == 4);
    CHECK(report["syncs"][0]["state"] == "never_run");
    CHECK(report["alerts"].size() == metrics_of(r)["alerts"].size());
    CHECK(metrics_of(r)["command"] == "health");
    // --quiet keeps one line: why it exited 1 (issue 11).
    CHECK_MESSAGE(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
    CHECK(r.err.find("health found problems (exit 1): P1 ") != std::string::npos);
  }

  TEST_CASE("a bad --window is a usage error") {
    TestDatabase db;
    migrate(db);
    for (const char* bad : {"soon", "1x", "0s"}) {
      auto r = run_tshsync(db, {"health", "--window", bad});
      CHECK_MESSAGE(r.exit_code == 64, describe(r));
      CHECK(metrics_of(r)["exit_code"] == 64);
    }
    CHECK(db.count("SELECT count(*) FROM webhook_health_metrics") == 0);
  }
}
