#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <set>

#include <tshsync/sync/stock_merge.hpp>

#include "support/standin.hpp"
#include "support/standin_helpers.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
namespace tsync = tshsync::sync;
using nlohmann::json;

namespace {

// Products whose stock_quantity is not the stand-in's `field`.
long long stock_differing(TestDatabase& db, const Standin& standin, const std::string& field = "stock_on_hand") {
  json truth = json::array();
  const json exported = standin.admin_get("/_admin/export?part=items&fields=item_id," + field);
  for (const auto& item : exported["items"]) truth.push_back({{"item_id", item["item_id"]}, {"stock", item[field]}});
  pqxx::work tx(db.conn());
  return tx
      .exec_params(
          "SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS t(item_id text, stock numeric) "
          "LEFT JOIN products p ON p.zoho_item_id = t.item_id "
          "WHERE p.stock_quantity IS DISTINCT FROM t.stock",
          truth.dump())[0][0]
      .as<long long>();
}

struct LocationTruth {
  json rows = json::array();
  long long items_with_locations = 0;
  long long items_with_warehouses = 0;
};

// The stand-in's per-location stock, flattened: locations[] and warehouses[] alike.
LocationTruth location_truth(const Standin& standin) {
  LocationTruth truth;
  const json exported = standin.admin_get("/_admin/export?part=items&fields=item_id,locations,warehouses");
  for (const auto& item : exported["items"]) {
    for (const std::string prefix : {"location", "warehouse"}) {
      if (!item.contains(prefix + "s")) continue;
      (prefix == "location" ? truth.items_with_locations : truth.items_with_warehouses) += 1;
      for (const auto& l : item[prefix + "s"])
        truth.rows.push_back({{"item_id", item["item_id"]},
                              {"location_id", l[prefix + "_id"]},
                              {"name", l[prefix + "_name"]},
                              {"is_primary", l["is_primary"]},
                              {"on_hand", l[prefix + "_stock_on_hand"]},
                              {"available", l[prefix + "_available_stock"]}});
    }
  }
  return truth;
}

// Location rows missing or different, plus rows Zoho does not have.
long long locations_differing(TestDatabase& db, const LocationTruth& truth) {
  pqxx::work tx(db.conn());
  return tx
      .exec_params(R"SQL(
WITH truth AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(item_id text, location_id text, name text, is_primary boolean,
                                                   on_hand numeric, available numeric)
), mine AS (
  SELECT p.zoho_item_id AS item_id, l.zoho_location_id AS location_id, l.location_name AS name, l.is_primary,
         l.stock_on_hand AS on_hand, l.available_stock AS available
  FROM product_stock_locations l JOIN products p ON p.id = l.product_id
)
SELECT (SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM mine) a)
     + (SELECT count(*) FROM (SELECT * FROM mine EXCEPT SELECT * FROM truth) b)
)SQL",
                   truth.rows.dump())[0][0]
      .as<long long>();
}

json stats(const Standin& standin) { return standin.admin_get("/_admin/stats"); }

}  // namespace

TEST_SUITE("pull-stock") {
  TEST_CASE("pull-stock --full mirrors stock; changed stock is picked up incrementally with one list call") {
    Standin standin(large_catalog(5000));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin, "inventory");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    db.exec("UPDATE products SET stock_quantity = 0");  // drift the ERP away from Zoho

    auto full = run_tshsync(db, {"pull-stock", "--full"}, env);
    REQUIRE_MESSAGE(full.exit_code == 0, describe(full));
    const json m = metrics_of(full);
    CHECK(m["fetched"] == 5000);
    CHECK(m["updated"] == db.count("SELECT count(*) FROM products WHERE stock_quantity <> 0"));
    CHECK(m["updated"].get<long long>() > 4000);
    CHECK(m["failed"] == 0);
    CHECK(stock_differing(db, standin) == 0);

    auto second = run_tshsync(db, {"pull-stock", "--full"}, env);
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["updated"] == 0);
    CHECK(metrics_of(second)["unchanged"] == 5000);

    const auto ids = item_ids(standin, 3, 1000);
    for (size_t i = 0; i < ids.size(); ++i)
      standin.admin_post("/_admin/items/" + ids[i], {{"stock_on_hand", 500 + static_cast<int>(i)}});
    standin.admin_post("/_admin/stats/reset");
    auto incremental = run_tshsync(db, {"pull-stock"}, env);
    REQUIRE_MESSAGE(incremental.exit_code == 0, describe(incremental));
    CHECK(metrics_of(incremental)["updated"] == 3);
    CHECK(stats(standin)["by_endpoint"]["items_list"] == 1);
    CHECK(stock_differing(db, standin) == 0);

    standin.admin_post("/_admin/stats/reset");
    auto idle = run_tshsync(db, {"pull-stock"}, env);
    CHECK(metrics_of(idle)["updated"] == 0);
    CHECK(stats(standin)["api_requests"] == 1);
  }

  TEST_CASE("[zoho] stock_field = available_stock; --dry-run writes nothing") {
    Standin standin(large_catalog(800));
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("tshsync.toml", "[zoho]\nstock_field = \"available_stock\"\n");
    Env env = pull_env(standin, "books");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    const long long committed = stock_differing(db, standin, "available_stock");
    REQUIRE(committed > 0);  // some stock is committed to orders: the two figures differ

    auto dry = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-stock", "--full", "--dry-run"}, env);
    REQUIRE_MESSAGE(dry.exit_code == 0, describe(dry));
    CHECK(metrics_of(dry)["updated"] == committed);
    CHECK(stock_differing(db, standin, "available_stock") == committed);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key LIKE 'pull-stock%'") == 0);

    auto real = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-stock", "--full"}, env);
    REQUIRE_MESSAGE(real.exit_code == 0, describe(real));
    CHECK(metrics_of(real)["updated"] == committed);
    CHECK(stock_differing(db, standin, "available_stock") == 0);
  }

  TEST_CASE("--locations keeps locations[] and warehouses[] stock, 100 item details a call") {
    Standin standin(large_catalog(1000));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin, "inventory");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    const LocationTruth truth = location_truth(standin);
    REQUIRE(truth.items_with_locations > 0);
    REQUIRE(truth.items_with_warehouses > 0);
    // A location the item no longer has goes.
    db.exec(
        "INSERT INTO product_stock_locations (product_id, zoho_location_id, location_name, stock_on_hand)"
        " SELECT id, '999', 'Closed shop', 1 FROM products ORDER BY id LIMIT 1");

    standin.admin_post("/_admin/stats/reset");
    auto r = run_tshsync(db, {"pull-stock", "--full", "--locations"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["locations_updated"] == static_cast<long long>(truth.rows.size()) + 1);
    const json s = stats(standin);
    const long long list_calls = s["by_endpoint"]["items_list"].get<long long>();
    CHECK(s["by_endpoint"]["itemdetails"].get<long long>() >= 10);
    CHECK(s["by_endpoint"]["itemdetails"].get<long long>() <= 10 + list_calls);  // ceil(n/100), per page
    CHECK(s["by_endpoint"]["item_get"] == 0);
    CHECK(locations_differing(db, truth) == 0);

    auto second = run_tshsync(db, {"pull-stock", "--full", "--locations"}, env);
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["locations_updated"] == 0);

    const std::string moved = item_ids(standin, 1, 1)[0];
    standin.admin_post("/_admin/items/" + moved, {{"stock_on_hand", 77}});
    auto incremental = run_tshsync(db, {"pull-stock", "--locations"}, env);
    REQUIRE_MESSAGE(incremental.exit_code == 0, describe(incremental));
    CHECK(metrics_of(incremental)["updated"] == 1);
    CHECK(metrics_of(incremental)["locations_updated"].get<long long>() >= 1);
    CHECK(locations_differing(db, location_truth(standin)) == 0);
  }

  TEST_CASE("without /itemdetails, item details come one item at a time, with a warning") {
    Standin standin(large_catalog(150));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin, "books");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    standin.admin_post("/_admin/faults",
                       {{"rules", json::array({{{"path", "/itemdetails"}, {"kind", "status"}, {"status", 404}}})}});
    standin.admin_post("/_admin/stats/reset");
    auto r = run_tshsync(db, {"pull-stock", "--full", "--locations"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(r.err.find("one item at a time") != std::string::npos);
    CHECK(stats(standin)["by_endpoint"]["item_get"] == 150);
    CHECK(stats(standin)["by_endpoint"]["itemdetails"] == 1);
    CHECK(locations_differing(db, location_truth(standin)) == 0);
  }

  TEST_CASE("merge_stock: an item listed twice in one batch keeps its newest stock") {
    Standin standin(large_catalog(50));
    TestDatabase db;
    migrate(db);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, pull_env(standin, "inventory")).exit_code == 0);
    const auto ids = item_ids(standin, 2, 10);
    {
      pqxx::work tx(db.conn());
      const json batch = {
          {{"item_id", ids[0]}, {"stock_on_hand", 7}, {"last_modified_time", "2026-11-02T10:00:00+0300"}},
          {{"item_id", ids[0]}, {"stock_on_hand", 5}, {"last_modified_time", "2026-11-01T10:00:00+0300"}},
          {{"item_id", ids[1]}, {"stock_on_hand", 1}},
          {{"item_id", ids[1]}, {"stock_on_hand", 2}}};
      tsync::merge_stock(tx, batch, tsync::StockOptions{});
      tx.commit();
    }
    CHECK(db.text("SELECT stock_quantity FROM products WHERE zoho_item_id = '" + ids[0] + "'") == "7");
    CHECK(db.text("SELECT stock_quantity FROM products WHERE zoho_item_id = '" + ids[1] + "'") == "2");
  }

  TEST_CASE("merge_stock and refresh_stock: bad figures are skipped, the rest written") {
    Standin standin(large_catalog(300));
    TestDatabase db;
    migrate(db);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, pull_env(standin, "inventory")).exit_code == 0);
    const auto ids = item_ids(standin, 3, 50);
    {
      pqxx::work tx(db.conn());
      const json page = {{{"item_id", ids[0]}, {"stock_on_hand", "12.00"}},
                         {{"item_id", ids[1]}, {"stock_on_hand", "lots"}},
                         {{"item_id", "4815999999999999"}, {"stock_on_hand", 3}},
                         {{"stock_on_hand", 3}}};
      const tsync::StockCounts counts = tsync::merge_stock(tx, page, tsync::StockOptions{});
      CHECK(counts.fetched == 4);
      CHECK(counts.updated + counts.unchanged == 1);
      CHECK(counts.failed == 2);
      CHECK(counts.unknown_items == 1);
      tx.commit();
    }
    CHECK(db.text("SELECT stock_quantity FROM products WHERE zoho_item_id = '" + ids[0] + "'") == "12.00");

    db.exec("UPDATE products SET stock_quantity = -1 WHERE zoho_item_id = '" + ids[2] + "'");
    tshsync::core::ZohoConfig config = standin.zoho_config();
    config.product = "inventory";
    tshsync::zoho::Client client(config, db.dsn());
    const tsync::StockCounts refreshed =
        tsync::refresh_stock(client, db.conn(), {ids[2]}, tsync::StockOptions{"stock_on_hand", true, {}, {}});
    CHECK(refreshed.updated == 1);
    CHECK(refreshed.locations_updated >= 2);
    CHECK(db.count("SELECT count(*) FROM product_stock_locations") == refreshed.locations_updated);
  }

  TEST_CASE("when the daily budget runs out pull-stock exits 75 with the counts it wrote, and says so") {
    Standin standin(large_catalog(2000));
    TestDatabase db;
    migrate(db);
    Env env = pull_env(standin, "inventory");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    db.exec("UPDATE products SET stock_quantity = 0");
    db.exec("UPDATE tshsync_rate_account SET calls_today = 0");
    env["ZOHO_DAILY_CALL_BUDGET"] = "4";
    // The organization's budget alone: no per-command shares (they grow with the hour).
    TempDir dir;
    dir.write("tshsync.toml", "[zoho.call_shares]\n");
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    auto stopped = run_tshsync(db, {"pull-stock", "--full"}, env);
    REQUIRE_MESSAGE(stopped.exit_code == 75, describe(stopped));
    const json m = metrics_of(stopped);
    CHECK(m["fetched"].get<long long>() > 0);
    CHECK(m["fetched"].get<long long>() < 2000);
    CHECK(m["updated"] == db.count("SELECT count(*) FROM products WHERE stock_quantity <> 0"));
    CHECK_MESSAGE(stopped.err.find("the daily Zoho call budget is spent after " +
                                   std::to_string(m["fetched"].get<long long>()) + " items") != std::string::npos,
                  describe(stopped));
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-stock.full'") == 1);
  }

  TEST_CASE("with a fifth of the requests failing, pull-stock ends with documented codes and then converges") {
    Standin standin(large_catalog(1500));
    TestDatabase db;
    migrate(db);
    const Env env = pull_env(standin, "inventory");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    db.exec("UPDATE products SET stock_quantity = 0");
    // Retry-After: 0 on the answers that can carry it: retry waits under a second, not the backoff.
    standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"kind", "status"}, {"status", 500}, {"retry_after", 0}, {"probability", 0.06}},
                                {{"kind", "rate_limit"}, {"retry_after", 0}, {"probability", 0.05}},
                                {{"kind", "truncated_json"}, {"retry_after", 0}, {"probability", 0.05}},
                                {{"kind", "html"}, {"retry_after", 0}, {"probability", 0.05}}})}});
    const std::set<int> documented{0, 69, 75};
    auto r = run_tshsync(db, {"pull-stock", "--full", "--locations"}, env);
    CHECK_MESSAGE(documented.count(r.exit_code) == 1, describe(r));
    standin.admin_delete("/_admin/faults");
    auto clean = run_tshsync(db, {"pull-stock", "--full", "--locations"}, env);
    REQUIRE_MESSAGE(clean.exit_code == 0, describe(clean));
    CHECK(stock_differing(db, standin) == 0);
    CHECK(locations_differing(db, location_truth(standin)) == 0);
  }
}
