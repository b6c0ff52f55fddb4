#include <doctest/doctest.h>

#include <tshsync/checks/health_alerts.hpp>

using namespace tshsync::checks;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

HealthFigures healthy() {
  HealthFigures f;
  f.window = hours(1);
  f.webhook_types = {{"item.update", 514, 513, 1, 0}};
  for (const auto& c : scheduled_sync_commands()) f.syncs.push_back({c, minutes(10), std::nullopt, true});
  return f;
}

const Alert* find(const std::vector<Alert>& alerts, const std::string& check, const std::string& subject = "") {
  for (const auto& a : alerts)
    if (a.check == check && a.subject == subject) return &a;
  return nullptr;
}

}  // namespace

TEST_SUITE("checks health alerts") {
  TEST_CASE("healthy figures raise nothing") { CHECK(evaluate_health(healthy(), {}).empty()); }

  TEST_CASE("a low webhook rate names the type, the rate and the counts") {
    auto f = healthy();
    f.webhook_types.push_back({"item.create", 34, 28, 5, 1});
    const auto alerts = evaluate_health(f, {});
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].priority == Priority::p2);
    CHECK(alerts[0].subject == "item.create");
    CHECK(alerts[0].message == "item.create success rate 82.4% (28/34) below 90%");
  }

  TEST_CASE("signature pseudo types are judged as signature failures, not as rates") {
    auto f = healthy();
    f.webhook_types.push_back({"signature_missing", 78, 0, 78, 0});
    f.signature_failures = 78;
    const auto alerts = evaluate_health(f, {});
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].check == "signature_failures");
    CHECK(alerts[0].priority == Priority::p1);
  }

  TEST_CASE("a rate alert needs errors: a type whose events were all ignored is not rated") {
    auto f = healthy();
    f.webhook_types.push_back({"test", 4, 0, 0, 4});
    f.webhook_types.push_back({"item.delete", 10, 2, 0, 8});
    CHECK(evaluate_health(f, {}).empty());
  }

  TEST_CASE("unknown event types with errors are one P3 of their own, not a rate") {
    auto f = healthy();
    f.webhook_types.push_back({"unknown", 18, 0, 2, 16});
    f.webhook_types.push_back({"(none)", 7, 0, 3, 4});
    const auto alerts = evaluate_health(f, {});
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].check == "unknown_event_types");
    CHECK(alerts[0].priority == Priority::p3);
    CHECK(alerts[0].message == "5 of 25 webhook events without a known event type failed in the last 1h");
    f.webhook_types.back().errors = 0;
    f.webhook_types[1].errors = 0;
    CHECK(evaluate_health(f, {}).empty());
  }

  TEST_CASE("syncs: never run is P3, stale is P2, all failing is P1") {
    auto f = healthy();
    f.syncs[0] = {"pull-products", std::nullopt, std::nullopt, false};
    f.syncs[1].last_success_age = hours(5);
    auto alerts = evaluate_health(f, {});
    REQUIRE(find(alerts, "sync_freshness", "pull-products"));
    CHECK(find(alerts, "sync_freshness", "pull-products")->priority == Priority::p3);
    REQUIRE(find(alerts, "sync_freshness", "pull-stock"));
    CHECK(find(alerts, "sync_freshness", "pull-stock")->priority == Priority::p2);
    CHECK_FALSE(find(alerts, "all_syncs_failing"));

    for (auto& s : f.syncs)
      if (s.has_run) s.last_success_age = hours(4);
    alerts = evaluate_health(f, {});
    REQUIRE(find(alerts, "all_syncs_failing"));
    CHECK(alerts.front().priority == Priority::p1);  // most urgent first
  }

  TEST_CASE("exhausted dead letters are named, at most five") {
    auto f = healthy();
    f.dlq_depth = 7;
    f.dlq_exhausted = 6;
    for (int i = 0; i < 5; ++i) f.dlq_exhausted_sample.push_back({"item.create", "id-" + std::to_string(i)});
    const auto alerts = evaluate_health(f, {});
    REQUIRE(find(alerts, "dlq_exhausted"));
    const auto& message = find(alerts, "dlq_exhausted")->message;
    CHECK(message.find("item.create id-0") != std::string::npos);
    CHECK(message.find("id-4, ...") != std::string::npos);
  }

  TEST_CASE("stuck jobs and unpriced products") {
    auto f = healthy();
    f.stuck_jobs = 13;
    f.products_without_prices = 104;
    const auto alerts = evaluate_health(f, {});
    REQUIRE(find(alerts, "stuck_jobs"));
    CHECK(find(alerts, "stuck_jobs")->message.find("13 sync jobs") == 0);
    REQUIRE(find(alerts, "products_without_prices"));
    CHECK(find(alerts, "products_without_prices")->priority == Priority::p2);
  }

  TEST_CASE("ages are shown in their largest whole unit") {
    CHECK(approximate_age(std::chrono::seconds(45)) == "45s");
    CHECK(approximate_age(minutes(10) + std::chrono::seconds(3)) == "10m");
    CHECK(approximate_age(hours(5) + std::chrono::seconds(12)) == "5h");
    CHECK(approximate_age(hours(49)) == "2d");
  }

  TEST_CASE("webhooks quiet beyond [sync].webhooks_quiet_after is a P3 that says the pulls list instead") {
    HealthFigures f = healthy();
    f.newest_webhook_age = minutes(90);
    CHECK(find(evaluate_health(f, {}), "webhooks_quiet") == nullptr);
    f.newest_webhook_age = hours(3);
    const auto alerts = evaluate_health(f, {});
    const Alert* quiet = find(alerts, "webhooks_quiet");
    REQUIRE(quiet != nullptr);
    CHECK(quiet->priority == Priority::p3);
    CHECK(quiet->message.find("webhooks went quiet") != std::string::npos);
    HealthThresholds longer;
    longer.webhooks_quiet_after = hours(4);
    CHECK(find(evaluate_health(f, longer), "webhooks_quiet") == nullptr);
    f.newest_webhook_age.reset();  // never had one: nothing went quiet
    CHECK(find(evaluate_health(f, {}), "webhooks_quiet") == nullptr);
  }
}
