#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <chrono>
#include <csignal>
#include <set>
#include <thread>

#include <tshsync/sync/item_merge.hpp>

#include "support/built_paths.hpp"
#include "support/standin.hpp"
#include "support/standin_helpers.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
namespace tsync = tshsync::sync;
using nlohmann::json;

namespace {

// Products that disagree with the stand-in's own data (GET /_admin/export):
// items missing or different in PostgreSQL, plus active Zoho products Zoho no longer has.
long long products_differing(TestDatabase& db, const Standin& standin) {
  const json items = standin.admin_get(
      "/_admin/export?part=items&fields=item_id,name,sku,rate,status,has_image,last_modified_time")["items"];
  pqxx::work tx(db.conn());
  const auto row = tx.exec_params(R"SQL(
WITH truth AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS t(item_id text, name text, sku text, rate numeric, status text, has_image boolean, last_modified_time text)
)
SELECT (SELECT count(*) FROM truth t LEFT JOIN products p ON p.zoho_item_id = t.item_id
        WHERE p.id IS NULL OR p.name IS DISTINCT FROM t.name OR p.sku IS DISTINCT FROM NULLIF(t.sku, '')
           OR p.price <> t.rate OR p.is_active <> (t.status = 'active')
           OR p.image_url IS DISTINCT FROM
              CASE WHEN t.has_image THEN '/api/images/products/' || t.item_id || '/image' END
           OR p.zoho_last_modified_at IS DISTINCT FROM t.last_modified_time::timestamptz)
     + (SELECT count(*) FROM products p
        WHERE p.is_active AND p.zoho_item_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM truth t WHERE t.item_id = p.zoho_item_id))
)SQL",
                                  items.dump())[0];
  return row[0].as<long long>();
}

}  // namespace

TEST_SUITE("pull-products") {
  TEST_CASE("pull-products --full mirrors every item; a second run changes nothing; idle incremental: one call") {
    Standin standin(large_catalog(5000));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin, "inventory");

    auto first = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    const json m = metrics_of(first);
    CHECK(m["fetched"] == 5000);
    CHECK(m["inserted"] == 5000);
    CHECK(m["updated"] == 0);
    CHECK(m["deactivated"] == 0);
    CHECK(m["failed"] == 0);
    CHECK(m["api_calls"].get<int>() >= 25);
    CHECK(products_differing(db, standin) == 0);
    CHECK(db.count("SELECT count(*) FROM products") == 5000);
    CHECK(db.count("SELECT count(*) FROM products WHERE stock_quantity > 0") > 4000);  // new products start stocked
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'pull-products' AND status = 'success'"
                   " AND records_synced = 5000") == 1);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.full'") == 0);
    CHECK(db.count("SELECT count(*) FROM tshsync_full_pull_seen") == 0);

    auto second = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["inserted"] == 0);
    CHECK(metrics_of(second)["updated"] == 0);
    CHECK(metrics_of(second)["unchanged"] == 5000);

    standin.admin_post("/_admin/stats/reset");
    auto idle = run_tshsync(db, {"pull-products"}, env);
    REQUIRE_MESSAGE(idle.exit_code == 0, describe(idle));
    CHECK(items_list_calls(standin) == 1);
    CHECK(metrics_of(idle)["inserted"] == 0);
    CHECK(metrics_of(idle)["updated"] == 0);
  }

  TEST_CASE("after 7 items change, an incremental pull makes at most 2 list calls and updates exactly those 7") {
    Standin standin(large_catalog(5000));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin);  // Books: images are image_document_id
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    CHECK(products_differing(db, standin) == 0);

    const auto ids = item_ids(standin, 7, 613);
    for (size_t i = 0; i < ids.size(); ++i) {
      const json patch = i % 2 == 0 ? json{{"name", "Changed " + std::to_string(i)}}
                                    : json{{"rate", 1000 + static_cast<int>(i)}, {"has_image", false}};
      standin.admin_post("/_admin/items/" + ids[i], patch);
    }
    standin.admin_post("/_admin/items/4815999999999999", {{"name", "Brand new"}, {"rate", 500}});
    standin.admin_post("/_admin/stats/reset");
    db.exec("UPDATE products SET updated_at = '2000-01-01'");

    auto r = run_tshsync(db, {"pull-products"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["updated"] == 7);
    CHECK(metrics_of(r)["inserted"] == 1);
    CHECK(items_list_calls(standin) <= 2);
    CHECK(db.count("SELECT count(*) FROM products WHERE updated_at > '2000-01-01'") == 8);
    CHECK(products_differing(db, standin) == 0);
  }

  TEST_CASE("a deleted item is deactivated by the next --full, not by an incremental run") {
    Standin standin(large_catalog(600));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    const std::string gone = item_ids(standin, 1, 1)[0];
    standin.admin_delete("/_admin/items/" + gone);
    // A product the ERP made by hand (no Zoho id) is never Zoho's to deactivate.
    db.exec("INSERT INTO products (name, price) VALUES ('ERP only', 10)");

    auto incremental = run_tshsync(db, {"pull-products"}, env);
    REQUIRE_MESSAGE(incremental.exit_code == 0, describe(incremental));
    CHECK(metrics_of(incremental)["deactivated"] == 0);
    CHECK(db.text("SELECT is_active FROM products WHERE zoho_item_id = '" + gone + "'") == "t");

    auto full = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(full.exit_code == 0, describe(full));
    CHECK(metrics_of(full)["deactivated"] == 1);
    CHECK(metrics_of(full)["updated"] == 0);
    CHECK(db.text("SELECT is_active FROM products WHERE zoho_item_id = '" + gone + "'") == "f");
    CHECK(db.text("SELECT is_active FROM products WHERE name = 'ERP only'") == "t");
    CHECK(products_differing(db, standin) == 0);
    CHECK(db.count("SELECT records_synced FROM sync_logs WHERE sync_type = 'pull-products' ORDER BY id DESC LIMIT 1") ==
          1);
  }

  TEST_CASE("a bad record is skipped, counted and reported (exit 2); the rest is applied") {
    Standin standin(large_catalog(400));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    const auto ids = item_ids(standin, 2, 100);
    standin.admin_post("/_admin/items/" + ids[0], {{"name", ""}});  // an item without a name
    standin.admin_post("/_admin/items/" + ids[1], {{"rate", 4321}});

    auto r = run_tshsync(db, {"pull-products"}, env);
    CHECK_MESSAGE(r.exit_code == 2, describe(r));
    CHECK(metrics_of(r)["failed"] == 1);
    CHECK(metrics_of(r)["updated"] == 1);
    CHECK(r.err.find(ids[0]) != std::string::npos);
    CHECK(db.text("SELECT price FROM products WHERE zoho_item_id = '" + ids[1] + "'") == "4321");
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'pull-products' AND status = 'partial'") == 1);

    // The bad item still exists in Zoho: a --full run must not deactivate it.
    auto full = run_tshsync(db, {"pull-products", "--full"}, env);
    CHECK_MESSAGE(full.exit_code == 2, describe(full));
    CHECK(metrics_of(full)["deactivated"] == 0);
  }

  TEST_CASE("apply_items (replay-dlq's entry) skips malformed records and applies the rest") {
    TestDatabase db;
    migrate(db);
    const json page = json::parse(R"([
      {"item_id": "1001", "name": "Good", "sku": "G-1", "rate": "12.50", "status": "active",
       "image_document_id": "9", "stock_on_hand": "3.00", "last_modified_time": "2025-10-08T09:15:00+0300"},
      {"name": "No id", "rate": 1, "status": "active", "last_modified_time": "2025-10-08T09:15:00+0300"},
      {"item_id": "1003", "name": "Bad rate", "rate": "abc", "status": "active",
       "last_modified_time": "2025-10-08T09:15:00+0300"},
      "not an object"])");
    const tsync::MergeCounts counts = tsync::apply_items(db.conn(), page, tsync::ApplyOptions{});
    CHECK(counts.fetched == 4);
    CHECK(counts.inserted == 1);
    CHECK(counts.failed == 3);
    CHECK(counts.failed_ids == std::vector<std::string>{"1003"});
    CHECK(db.text(
              "SELECT price || ' ' || stock_quantity || ' ' || image_url FROM products WHERE zoho_item_id = '1001'") ==
          "12.50 3.00 /api/images/products/1001/image");

    // An older copy of the record (a stale webhook payload) never overwrites a newer one.
    json stale = page[0];
    stale["name"] = "Old name";
    stale["last_modified_time"] = "2025-10-01T09:15:00+0300";
    CHECK(tsync::apply_items(db.conn(), json::array({stale}), tsync::ApplyOptions{}).unchanged == 1);
    CHECK(db.text("SELECT name FROM products WHERE zoho_item_id = '1001'") == "Good");

    CHECK(tsync::deactivate_item(db.conn(), "1001"));
    CHECK_FALSE(tsync::deactivate_item(db.conn(), "1001"));
    CHECK_FALSE(tsync::deactivate_item(db.conn(), "nope"));
  }

  TEST_CASE("pull-products --dry-run computes the counts and writes nothing, cursor included") {
    Standin standin(large_catalog(500));
    TestDatabase db;
    migrate(db);
    auto r = run_tshsync(db, {"pull-products", "--full", "--dry-run"}, pull_env(standin));
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["inserted"] == 500);
    CHECK(metrics_of(r)["dry_run"] == true);
    CHECK(db.count("SELECT count(*) FROM products") == 0);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key LIKE 'pull-products%'") == 0);
    CHECK(db.count("SELECT count(*) FROM tshsync_full_pull_seen") == 0);
    CHECK(db.count("SELECT count(*) FROM sync_logs") == 0);
  }

  TEST_CASE("a --full pull killed half-way resumes at its checkpoint and converges") {
    Standin standin(large_catalog(3000));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin);
    standin.admin_post("/_admin/faults",
                       {{"rules", json::array({{{"path", "/items"}, {"kind", "slow"}, {"delay_ms", 250}}})}});
    BackgroundProcess run({tshsync_binary(), "pull-products", "--full"}, tshsync_env(db, env));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (db.count("SELECT count(*) FROM products") < 1000 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    run.signal(SIGKILL);
    run.wait();
    const long long before = db.count("SELECT count(*) FROM products");
    REQUIRE(before >= 1000);
    REQUIRE(before < 3000);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'in_progress'") == 1);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.full'") == 1);
    standin.admin_delete("/_admin/faults");
    const std::string gone = db.text("SELECT min(zoho_item_id) FROM products");  // seen before the kill, deleted since
    standin.admin_delete("/_admin/items/" + gone);

    auto resumed = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    REQUIRE_MESSAGE(resumed.exit_code == 0, describe(resumed));
    const json m = metrics_of(resumed);
    CHECK(m["resumed"] == true);
    CHECK(m["orphans_failed"] == 1);
    CHECK(m["fetched"].get<long long>() < 3000);
    CHECK(m["inserted"].get<long long>() == 3000 - before);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'in_progress'") == 0);
    CHECK(db.count("SELECT count(*) FROM products") == 3000);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.full'") == 0);

    auto again = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    REQUIRE_MESSAGE(again.exit_code == 0, describe(again));
    CHECK(metrics_of(again)["inserted"] == 0);
    CHECK(metrics_of(again)["updated"] == 0);
    CHECK(metrics_of(again)["deactivated"] == 1);
    CHECK(products_differing(db, standin) == 0);
  }

  TEST_CASE("with a fifth of the requests failing, runs end with documented codes and a clean run converges") {
    Standin standin(large_catalog(2000));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin);
    // Retry-After: 0 on the answers that can carry it: retry waits under a second, not the backoff.
    standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"kind", "status"}, {"status", 503}, {"retry_after", 0}, {"probability", 0.06}},
                                {{"kind", "rate_limit"}, {"retry_after", 0}, {"probability", 0.06}},
                                {{"kind", "reset"}, {"probability", 0.05}},
                                {{"kind", "invalid_json"}, {"retry_after", 0}, {"probability", 0.05}}})}});
    const std::set<int> documented{0, 69, 75};
    for (int round = 0; round < 2; ++round) {
      for (const auto& args : {std::vector<std::string>{"pull-products", "--full"}, {"pull-products"}}) {
        auto r = run_tshsync(db, args, env);
        CHECK_MESSAGE(documented.count(r.exit_code) == 1, describe(r));
        CHECK(metrics_of(r).contains("api_calls"));
      }
    }
    CHECK(standin.admin_get("/_admin/stats")["faults_fired"].get<int>() > 0);
    standin.admin_delete("/_admin/faults");
    auto clean = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(clean.exit_code == 0, describe(clean));
    CHECK(db.count("SELECT count(*) FROM products") == 2000);
    CHECK(db.count("SELECT count(DISTINCT zoho_item_id) FROM products") == 2000);
    CHECK(products_differing(db, standin) == 0);
  }

  TEST_CASE("when the daily budget runs out the run checkpoints and exits 75; the next run resumes") {
    Standin standin(large_catalog(2000));
    TestDatabase db;
    migrate(db);
    Env env = pull_env(standin);
    env["ZOHO_DAILY_CALL_BUDGET"] = "4";
    auto stopped = run_tshsync(db, {"pull-products", "--full"}, env);
    CHECK_MESSAGE(stopped.exit_code == 75, describe(stopped));
    CHECK(metrics_of(stopped)["inserted"].get<long long>() > 0);
    const long long before = db.count("SELECT count(*) FROM products");
    CHECK(before == metrics_of(stopped)["inserted"].get<long long>());
    CHECK(before < 2000);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.full'") == 1);
    CHECK_MESSAGE(stopped.err.find("the daily Zoho call budget is spent after " +
                                   std::to_string(metrics_of(stopped)["fetched"].get<long long>()) +
                                   " items; the next run resumes where this one stopped") != std::string::npos,
                  describe(stopped));

    env["ZOHO_DAILY_CALL_BUDGET"] = "1000";
    auto resumed = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(resumed.exit_code == 0, describe(resumed));
    CHECK(metrics_of(resumed)["resumed"] == true);
    CHECK(metrics_of(resumed)["inserted"] == 2000 - before);
    CHECK(products_differing(db, standin) == 0);
  }

  TEST_CASE("pages that queued behind a slow database are written before the budget's 75") {
    Standin standin(large_catalog(2000));
    TestDatabase db;
    migrate(db);
    // A quarter of a second per write: the next pages arrive while the writer is busy and form one batch.
    db.exec(
        "CREATE FUNCTION slow_write() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_sleep(0.25); RETURN NULL; END $$; "
        "CREATE TRIGGER slow_write AFTER INSERT ON products FOR EACH STATEMENT EXECUTE FUNCTION slow_write()");
    Env env = pull_env(standin);
    env["ZOHO_DAILY_CALL_BUDGET"] = "4";
    // The organization's budget alone: no per-command shares (they grow with the hour).
    TempDir dir;
    dir.write("tshsync.toml", "[zoho.call_shares]\n");
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    auto stopped = run_tshsync(db, {"pull-products", "--full"}, env);
    CHECK_MESSAGE(stopped.exit_code == 75, describe(stopped));
    // All 4 pages the budget paid for (800 items, a few repeated across the
    // keyset overlap) are in, not only the one written before the refusal.
    const long long written = db.count("SELECT count(*) FROM products");
    CHECK(written > 3 * 200);
    CHECK(written == metrics_of(stopped)["inserted"].get<long long>());
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.full'") == 1);
  }

  TEST_CASE("a Zoho that refuses sort_column is listed by page number; the cursor moves at the end") {
    Standin standin(large_catalog(700));
    TestDatabase db;
    migrate(db);
    standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"path", "/items"}, {"kind", "status"}, {"status", 400}, {"count", 1}}})}});
    auto r = run_tshsync(db, {"pull-products"}, pull_env(standin));
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(r.err.find("refused sort_column") != std::string::npos);
    CHECK(metrics_of(r)["inserted"] == 700);
    CHECK(products_differing(db, standin) == 0);
    CHECK(db.text("SELECT value #>> '{}' FROM tshsync_state WHERE key = 'pull-products.cursor'") ==
          db.text("SELECT to_char(max(zoho_last_modified_at) AT TIME ZONE 'UTC', "
                  "'YYYY-MM-DD\"T\"HH24:MI:SS\"+0000\"') FROM products"));
  }
}
