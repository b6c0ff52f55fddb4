// tshsync status: the state without psql, read-only, no Zoho (issue 11, item 3).
#include <doctest/doctest.h>

#include <algorithm>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

const json* command_of(const json& report, const std::string& name) {
  for (const auto& c : report["commands"])
    if (c["command"] == name) return &c;
  return nullptr;
}

json document_of(const ProcessResult& r) {
  const size_t last = r.out.rfind('\n', r.out.size() - 2);
  REQUIRE(last != std::string::npos);
  return json::parse(r.out.substr(0, last));
}

// A database as a day of runs leaves it.
void seed(TestDatabase& db) {
  migrate(db);
  db.exec(
      "INSERT INTO sync_logs (sync_type, status, error_message, created_at) VALUES"
      " ('pull-products', 'success', NULL, now() - interval '20 minutes'),"
      " ('pull-products', 'failed', 'zoho unreachable after 6 attempts', now() - interval '5 minutes'),"
      " ('pull-stock', 'success', NULL, now() - interval '3 hours'),"
      " ('pull-prices', 'success', NULL, now() - interval '10 minutes'),"
      " ('replay-dlq', 'success', NULL, now() - interval '1 minute')");
  db.exec(
      "INSERT INTO tshsync_state (key, value) VALUES"
      " ('pull-products.cursor', '\"2026-11-30T09:00:00Z\"'),"
      " ('strategy.pull-products', '\"sorted\"'),"
      " ('some.other', '1')");
  db.exec(
      "INSERT INTO webhook_dead_letter_queue (event_type, payload, retry_count, exhausted_at, needs_human,"
      " resolved_at) VALUES"
      " ('invoice.create', '{}', 1, NULL, false, NULL), ('invoice.create', '{}', 2, NULL, false, NULL),"
      " ('item.update', '{}', 3, NULL, true, NULL), ('bill.create', '{}', 10, now(), false, NULL),"
      " ('contact.update', '{}', 1, NULL, false, now())");
  db.exec(
      "INSERT INTO tshsync_oauth_tokens (cache_key, access_token, expires_at, minted_at) VALUES"
      " ('0123456789abcdef0123', 'status-test-access-token', now() + interval '30 minutes', now())");
  db.exec(
      "INSERT INTO tshsync_rate_account (organization_id, day, calls_today) VALUES"
      " ('10234695', (now() AT TIME ZONE 'UTC')::date, 123), ('other-org', (now() AT TIME ZONE 'UTC')::date, 7)");
}

const Env kZoho{{"ZOHO_ORGANIZATION_ID", "10234695"}, {"ZOHO_DAILY_CALL_BUDGET", "1000"}};

}  // namespace

TEST_SUITE("status") {
  TEST_CASE("status --json: runs, successes, errors, state, schema, dead letters, token, API budget") {
    TestDatabase db;
    seed(db);
    auto r = run_tshsync(db, {"status", "--json"}, kZoho);
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));  // pull-stock: 3h since its last success
    const json report = document_of(r);
    CHECK(report["schema_version"] == report["latest_schema_version"]);
    CHECK(report["schema_version"].get<int>() >= 5);

    const json* products = command_of(report, "pull-products");
    REQUIRE(products);
    CHECK((*products)["last_run"]["status"] == "failed");
    CHECK((*products)["last_run"]["at"].get<std::string>().back() == 'Z');
    CHECK((*products)["last_success"]["age_seconds"].get<long long>() >= 1200);
    CHECK((*products)["last_error"]["error"] == "zoho unreachable after 6 attempts");
    CHECK((*products)["state"]["pull-products.cursor"]["value"] == "2026-11-30T09:00:00Z");
    CHECK((*products)["state"]["strategy.pull-products"]["value"] == "sorted");
    CHECK((*products)["overdue"] == false);
    CHECK(report["other_state"].contains("some.other"));

    const json* stock = command_of(report, "pull-stock");
    REQUIRE(stock);
    CHECK((*stock)["overdue"] == true);
    CHECK((*stock)["last_error"].is_null());
    REQUIRE(command_of(report, "backfill-prices"));
    CHECK((*command_of(report, "backfill-prices"))["last_run"].is_null());
    CHECK((*command_of(report, "backfill-prices"))["overdue"] == false);  // never run, not scheduled

    CHECK(report["dead_letters"] == json{{"pending", 2}, {"needs_human", 1}, {"exhausted", 1}, {"resolved", 1}});
    REQUIRE(report["tokens"].size() == 1);
    CHECK(report["tokens"][0]["usable"] == true);
    CHECK(report["tokens"][0]["cache_key"] == "0123456789ab");
    CHECK(report["tokens"][0]["expires_in_seconds"].get<long long>() > 0);
    CHECK(report["api_calls_today"] == 123);
    CHECK(report["daily_call_budget"] == 1000);
    CHECK(report["overdue"] == true);
    CHECK(r.out.find("status-test-access-token") == std::string::npos);
    CHECK(metrics_of(r)["overdue"] == json::array({"pull-stock"}));
  }

  TEST_CASE("the text view names each figure; nothing is written, no run is recorded") {
    TestDatabase db;
    seed(db);
    const auto state_before =
        db.text("SELECT string_agg(key || value::text || updated_at::text, ',' ORDER BY key) FROM tshsync_state");
    auto r = run_tshsync(db, {"status"}, kZoho);
    CHECK_MESSAGE(r.exit_code == 1, describe(r));
    for (const char* text :
         {"pull-products.cursor=\"2026-11-30T09:00:00Z\"", "strategy.pull-products=\"sorted\"", "OVERDUE",
          "zoho unreachable after 6 attempts", "2 pending, 1 waiting for a human, 1 exhausted, 1 resolved",
          "123 of 1000", "Zoho access token 0123456789ab: expires "})
      CHECK_MESSAGE(r.err.find(text) != std::string::npos, text, "\n", r.err);
    CHECK(r.err.find("status-test-access-token") == std::string::npos);
    CHECK(db.count("SELECT count(*) FROM sync_logs") == 5);
    CHECK(db.text("SELECT string_agg(key || value::text || updated_at::text, ',' ORDER BY key) FROM tshsync_state") ==
          state_before);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'status'") == 0);

    auto quiet = run_tshsync(db, {"-q", "status"}, kZoho);
    CHECK(quiet.exit_code == 1);
    CHECK_MESSAGE(std::count(quiet.err.begin(), quiet.err.end(), '\n') == 1, quiet.err);
    CHECK(quiet.err.find("status found problems (exit 1): overdue: pull-stock") != std::string::npos);
  }

  TEST_CASE("nothing overdue is exit 0; an unmigrated database says so and exits 0") {
    TestDatabase db;
    seed(db);
    db.exec("DELETE FROM sync_logs WHERE sync_type = 'pull-stock'");
    auto r = run_tshsync(db, {"status", "--json"}, kZoho);
    CHECK_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(document_of(r)["overdue"] == false);

    TestDatabase empty;
    auto fresh = run_tshsync(empty, {"status"});
    CHECK_MESSAGE(fresh.exit_code == 0, describe(fresh));
    CHECK(fresh.err.find("run tshsync migrate") != std::string::npos);
  }

  TEST_CASE("a command that ran but never succeeded is overdue") {
    TestDatabase db;
    migrate(db);
    db.exec("INSERT INTO sync_logs (sync_type, status, error_message) VALUES ('pull-prices', 'failed', 'x')");
    auto r = run_tshsync(db, {"status", "--json"});
    CHECK_MESSAGE(r.exit_code == 1, describe(r));
    CHECK((*command_of(document_of(r), "pull-prices"))["overdue_reason"] == "has run but never succeeded");
  }
}
