#include <doctest/doctest.h>

#include <tshsync/checks/priority.hpp>

using namespace tshsync::checks;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST_SUITE("checks priority") {
  TEST_CASE("webhook success rate: P2 below 90%, P1 below 50%, only above 5 events") {
    CHECK(webhook_rate_priority(28, 34) == Priority::p2);  // the audit's item.create, 82.4%
    CHECK_FALSE(webhook_rate_priority(513, 514));          // item.update, 99.8%
    CHECK_FALSE(webhook_rate_priority(45, 50));            // exactly 90% is fine
    CHECK(webhook_rate_priority(44, 50) == Priority::p2);
    CHECK_FALSE(webhook_rate_priority(25, 50) == Priority::p1);  // exactly 50% is P2
    CHECK(webhook_rate_priority(25, 50) == Priority::p2);
    CHECK(webhook_rate_priority(24, 50) == Priority::p1);
    CHECK(webhook_rate_priority(0, 18) == Priority::p1);
    CHECK_FALSE(webhook_rate_priority(0, 5));  // 5 events are not enough to judge
    CHECK(webhook_rate_priority(0, 6) == Priority::p1);
    CHECK_FALSE(webhook_rate_priority(0, 0));
  }

  TEST_CASE("rates are percentages with one decimal") {
    CHECK(rate_percent(28, 34) == doctest::Approx(82.4));
    CHECK(rate_percent(513, 514) == doctest::Approx(99.8));
    CHECK(rate_percent(1, 1) == doctest::Approx(100.0));
    CHECK(rate_percent(0, 0) == doctest::Approx(0.0));
  }

  TEST_CASE("signature failures: any is P2, more than 50 is P1") {
    CHECK_FALSE(signature_failure_priority(0));
    CHECK(signature_failure_priority(1) == Priority::p2);
    CHECK(signature_failure_priority(50) == Priority::p2);
    CHECK(signature_failure_priority(51) == Priority::p1);
    CHECK(is_signature_pseudo_type("signature_missing"));
    CHECK(is_signature_pseudo_type("signature_invalid"));
    CHECK_FALSE(is_signature_pseudo_type("item.create"));
  }

  TEST_CASE("products without prices: more than 100 is P2, any is P3") {
    CHECK_FALSE(unpriced_products_priority(0));
    CHECK(unpriced_products_priority(1) == Priority::p3);
    CHECK(unpriced_products_priority(100) == Priority::p3);
    CHECK(unpriced_products_priority(104) == Priority::p2);
  }

  TEST_CASE("stuck jobs and dead letters") {
    CHECK_FALSE(stuck_jobs_priority(0));
    CHECK(stuck_jobs_priority(13) == Priority::p2);
    CHECK(dlq_exhausted_priority(1) == Priority::p2);
    CHECK_FALSE(dlq_exhausted_priority(0));
    CHECK(dlq_needs_human_priority(2) == Priority::p3);
    CHECK_FALSE(dlq_needs_human_priority(0));
  }

  TEST_CASE("sync state from the age of the last success") {
    CHECK(sync_state(minutes(10), true, hours(2)) == SyncState::fresh);
    CHECK(sync_state(hours(2), true, hours(2)) == SyncState::fresh);
    CHECK(sync_state(hours(2) + seconds(1), true, hours(2)) == SyncState::stale);
    CHECK(sync_state(std::nullopt, true, hours(2)) == SyncState::never_succeeded);
    CHECK(sync_state(std::nullopt, false, hours(2)) == SyncState::never_run);
    CHECK(sync_state_priority(SyncState::stale) == Priority::p2);
    CHECK(sync_state_priority(SyncState::never_succeeded) == Priority::p2);
    CHECK(sync_state_priority(SyncState::never_run) == Priority::p3);
    CHECK_FALSE(sync_state_priority(SyncState::fresh));
  }

  TEST_CASE("all syncs failing: every command that ran, for more than an hour") {
    const SyncFailure stale3h{SyncState::stale, hours(3)};
    const SyncFailure failing2h{SyncState::never_succeeded, hours(2)};
    const SyncFailure never{SyncState::never_run, seconds(0)};
    const SyncFailure fresh{SyncState::fresh, seconds(0)};
    CHECK(all_syncs_failing({stale3h, failing2h}, hours(1)));
    CHECK(all_syncs_failing({stale3h, failing2h, never}, hours(1)));  // never-run ones are not scheduled
    CHECK_FALSE(all_syncs_failing({stale3h, fresh}, hours(1)));
    CHECK_FALSE(all_syncs_failing({never, never}, hours(1)));  // nothing ran: P3s, not P1
    CHECK_FALSE(all_syncs_failing({}, hours(1)));
    CHECK_FALSE(all_syncs_failing({{SyncState::never_succeeded, minutes(20)}}, hours(1)));  // failing, not for long
  }

  TEST_CASE("the highest priority is the lowest number") {
    CHECK_FALSE(highest_priority({}));
    const std::vector<Alert> alerts{
        {Priority::p3, "a", "", ""}, {Priority::p1, "b", "", ""}, {Priority::p2, "c", "", ""}};
    CHECK(highest_priority(alerts) == Priority::p1);
    CHECK(to_string(Priority::p2) == "P2");
  }
}
