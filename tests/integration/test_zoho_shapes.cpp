// What Zoho really sends (../shared/docs/zoho-real-shapes.md), against the
// stand-in's `tsh` catalog and shape switches: net prices after discount and
// rounding, empty or absent pricebook_items, the mass-change guard, stock at
// one location, which items are products, Zoho's throttling codes.
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <cmath>

#include "support/standin.hpp"
#include "support/standin_helpers.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

const std::string kRetailUsd = "2646610000049149104";  // tsh: per_item USD, discounts, 0..0 brackets
const std::string kTechnical = "2646610000049149105";  // tsh: per_item, its detail lists no items
const std::string kConsumer = "4815000000070001";      // large: per_item IQD
const std::string kWholesaleLocation = "2646610000000077024";

Env fast_env(const Standin& standin, const std::string& product = "inventory") {
  Env env = standin.zoho_env();
  env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
  env["ZOHO_PRODUCT"] = product;
  return env;
}

std::vector<std::string> tsh_catalog() { return {"--catalog", "tsh", "--rate-limit", "0"}; }
// Half away from zero on the decimal value (8.415 -> 8.42), which a double
// holds as 8.41499...: the nudge restores the decimal half.
double nudged_round(double value) { return std::round(value + 1e-9); }

double round_to(double value, int places) {
  const double scale = std::pow(10.0, places);
  return nudged_round(value * scale) / scale;
}

// Zoho's rounding with tshsync's documented floors, in floating point (not tshsync's code).
double fixed_price(double rate, const json& book) {
  const double raw = rate * (1 - book["percentage"].get<double>() / 100);
  const std::string rounding = book["rounding_type"];
  double price = round_to(raw, 2);
  if (rounding == "round_to_dollar" || rounding == "round_to_dollor") price = nudged_round(raw);
  if (rounding == "round_to_dollar_minus_01") price = nudged_round(raw) - 0.01;
  if (rounding == "round_to_half_dollar") price = nudged_round(raw * 2) / 2;
  if (rounding == "round_to_half_dollar_minus_01") price = nudged_round(raw * 2) / 2 - 0.01;
  if (price <= 0) price = std::max(round_to(raw, 2), 0.01);
  return price;
}

// {item_id, book, price} Zoho's net price for every active sales book of the tsh catalog but the
// one whose detail lists nothing.
json expected_net_prices(const Standin& standin) {
  const json data = standin.admin_get("/_admin/export?fields=item_id,status,rate,item_type");
  json rows = json::array();
  for (const auto& book : data["pricebooks"]) {
    if (book["status"] != "active" || book["pricebook_id"] == kTechnical) continue;
    if (book["pricebook_type"] == "per_item") {
      for (const auto& entry : book["pricebook_items"]) {
        const bool volume = entry["pricing_scheme"] == "volume";
        double rate =
            volume ? entry["price_brackets"][0]["pricebook_rate"].get<double>() : entry["pricebook_rate"].get<double>();
        const std::string discount = entry.value("pricebook_discount", "");
        if (!discount.empty()) rate = round_to(rate * (1 - std::stod(discount) / 100), book["decimal_place"]);
        rows.push_back({{"item_id", entry["item_id"]}, {"book", book["pricebook_id"]}, {"price", rate}});
      }
      continue;
    }
    for (const auto& item : data["items"]) {
      if (item["status"] != "active" || item["rate"].get<double>() <= 0) continue;
      if (item["item_type"] == "purchases") continue;  // not a product: no price
      rows.push_back({{"item_id", item["item_id"]},
                      {"book", book["pricebook_id"]},
                      {"price", fixed_price(item["rate"].get<double>(), book)}});
    }
  }
  return rows;
}

// The rows that differ, for failure messages: "item book mine truth".
std::string differing_rows(TestDatabase& db, const Standin& standin) {
  pqxx::work tx(db.conn());
  std::string text;
  for (const auto& row : tx.exec_params(R"SQL(
WITH truth AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(item_id text, book text, price numeric))
SELECT t.item_id, t.book, pp.price, t.price FROM truth t
JOIN products p ON p.zoho_item_id = t.item_id JOIN pricelists l ON l.zoho_pricebook_id = t.book
LEFT JOIN product_prices pp ON pp.product_id = p.id AND pp.pricelist_id = l.id
WHERE pp.price IS NULL OR abs(pp.price - t.price) > 0.0001 LIMIT 10)SQL",
                                        expected_net_prices(standin).dump()))
    text += row[0].c_str() + std::string(" ") + row[1].c_str() + " " + row[2].c_str() + " " + row[3].c_str() + "\n";
  return text;
}

long long prices_differing(TestDatabase& db, const Standin& standin) {
  pqxx::work tx(db.conn());
  return tx
      .exec_params(R"SQL(
WITH truth AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(item_id text, book text, price numeric)
), mine AS (
  SELECT p.zoho_item_id AS item_id, l.zoho_pricebook_id AS book, pp.price
  FROM product_prices pp JOIN products p ON p.id = pp.product_id JOIN pricelists l ON l.id = pp.pricelist_id
  WHERE pp.source = 'zoho' AND l.is_active AND l.zoho_pricebook_id <> $2
)
SELECT (SELECT count(*) FROM truth t LEFT JOIN mine m USING (item_id, book)
        WHERE m.item_id IS NULL OR abs(m.price - t.price) > 0.0001)
     + (SELECT count(*) FROM mine m WHERE NOT EXISTS (SELECT 1 FROM truth t WHERE (t.item_id, t.book) = (m.item_id, m.book)))
)SQL",
                   expected_net_prices(standin).dump(), kTechnical)[0][0]
      .as<long long>();
}

long long list_rows(TestDatabase& db, const std::string& book) {
  return db.count(
      "SELECT count(*) FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id "
      "WHERE l.zoho_pricebook_id = '" +
      book + "'");
}

// The large catalog of 400 items, its products and prices pulled.
struct PricedCatalog {
  PricedCatalog() : standin(large_catalog(400)), env(fast_env(standin)) {
    migrate(db);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    REQUIRE(run_tshsync(db, {"pull-prices"}, env).exit_code == 0);
  }
  Standin standin;
  TestDatabase db;
  Env env;
};

}  // namespace

TEST_SUITE("zoho-shapes") {
  TEST_CASE("a TSH-like organization: net prices after discount and rounding, none negative, none zeroed") {
    Standin standin(tsh_catalog());
    TestDatabase db;
    migrate(db);
    db.exec("ALTER TABLE product_prices ADD COLUMN discount_percentage numeric");  // as TSH's ERP has it
    const Env env = fast_env(standin);
    auto products = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(products.exit_code == 0, describe(products));
    auto r = run_tshsync(db, {"pull-prices"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["failed"] == 0);
    CHECK(m["prices_discounted"].get<long long>() > 50);
    CHECK(m["pricebooks_by_item_rates"] == 1);
    CHECK_MESSAGE(prices_differing(db, standin) == 0, differing_rows(db, standin));
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE price < 0") == 0);
    CHECK(db.count("SELECT count(*) FROM product_prices pp JOIN products p ON p.id = pp.product_id "
                   "WHERE pp.price = 0 AND p.price > 0") == 0);
    // The discount is kept where the ERP has a column for it, both spellings.
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE discount_percentage = 5") > 0);
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE discount_percentage = 10") > 0);
    // Unit rows carrying Zoho's 0..0 bracket are unit prices; real volume rows keep their brackets.
    const long long volume = db.count(
        "SELECT count(*) FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id "
        "WHERE l.zoho_pricebook_id = '" +
        kRetailUsd + "' AND pp.price_brackets IS NOT NULL");
    CHECK(volume > 0);
    CHECK(volume < 40);
    // The book whose detail lists nothing was priced through /items/pricebookrate.
    CHECK(list_rows(db, kTechnical) > 100);

    auto again = run_tshsync(db, {"pull-prices"}, env);
    REQUIRE_MESSAGE(again.exit_code == 0, describe(again));
    CHECK(metrics_of(again)["prices_updated"] == 0);
    CHECK(metrics_of(again)["prices_deleted"] == 0);
  }

  TEST_CASE("purchase-only items, and with include_combos = false combos, are not active products") {
    Standin standin(tsh_catalog());
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin);
    auto r = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json items = standin.admin_get(
        "/_admin/export?part=items&fields=item_id,status,item_type,is_combo_product,product_type")["items"];
    std::vector<std::string> purchases;
    std::vector<std::string> combos;
    long long services = 0;
    for (const auto& item : items) {
      if (item["status"] != "active") continue;
      if (item["item_type"] == "purchases") purchases.push_back(item["item_id"]);
      if (item.value("is_combo_product", false) == true) combos.push_back(item["item_id"]);
      if (item["product_type"] == "service") ++services;
    }
    REQUIRE(!purchases.empty());
    REQUIRE(!combos.empty());
    REQUIRE(services > 0);
    CHECK(metrics_of(r)["not_products"] == static_cast<long long>(purchases.size()));
    const auto active_among = [&](const std::vector<std::string>& ids) {
      return db.count("SELECT count(*) FROM products WHERE is_active AND zoho_item_id = ANY('{" + [&] {
        std::string list;
        for (const auto& id : ids) list += (list.empty() ? "" : ",") + id;
        return list;
      }() + "}'::text[])");
    };
    CHECK(active_among(purchases) == 0);
    CHECK(active_among(combos) == static_cast<long long>(combos.size()));  // included by default

    TempDir dir;
    dir.write("tshsync.toml", "[zoho]\ninclude_combos = false\n");
    auto without = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-products", "--full"}, env);
    REQUIRE_MESSAGE(without.exit_code == 0, describe(without));
    CHECK(active_among(combos) == 0);
    CHECK(db.count("SELECT count(*) FROM products WHERE is_active") > 1000);

    // Narrowing the types so that most products stop qualifying is a mass change: guarded.
    const long long active = db.count("SELECT count(*) FROM products WHERE is_active");
    dir.write("tshsync.toml", "[zoho]\nitem_types = [\"sales\"]\n");
    auto narrowed = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-products", "--full"}, env);
    CHECK_MESSAGE(narrowed.exit_code == 65, describe(narrowed));
    CHECK(db.count("SELECT count(*) FROM products WHERE is_active") == active);
    auto allowed =
        run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-products", "--full", "--allow-mass-changes"}, env);
    CHECK_MESSAGE(allowed.exit_code == 0, describe(allowed));
    CHECK(db.count("SELECT count(*) FROM products WHERE is_active") < 100);
  }

  TEST_CASE("an empty or absent pricebook_items deletes nothing; a refused per-item endpoint keeps the list") {
    PricedCatalog priced;
    Standin& standin = priced.standin;
    TestDatabase& db = priced.db;
    const Env& env = priced.env;
    const long long before = list_rows(db, kConsumer);
    REQUIRE(before > 200);

    for (const char* shape : {"absent", "empty"}) {
      CAPTURE(shape);
      standin.admin_post("/_admin/pricebooks/" + kConsumer, {{"items_shape", shape}});
      auto r = run_tshsync(db, {"pull-prices"}, env);
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
      CHECK(metrics_of(r)["prices_deleted"] == 0);
      CHECK(metrics_of(r)["pricebooks_by_item_rates"] == 1);
      CHECK(list_rows(db, kConsumer) >= before);
    }

    standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"path", "/items/pricebookrate"}, {"kind", "status"}, {"status", 404}}})}});
    auto kept = run_tshsync(db, {"pull-prices"}, env);
    REQUIRE_MESSAGE(kept.exit_code == 0, describe(kept));
    CHECK(metrics_of(kept)["pricelists_kept"] == 1);
    CHECK(metrics_of(kept)["prices_deleted"] == 0);
    CHECK(list_rows(db, kConsumer) >= before);
  }

  TEST_CASE("a list that would lose more than [sync].max_change_share stops with 65 until --allow-mass-changes") {
    PricedCatalog priced;
    Standin& standin = priced.standin;
    TestDatabase& db = priced.db;
    const Env& env = priced.env;
    const long long before = list_rows(db, kConsumer);
    const json book = standin.admin_get("/_admin/pricebooks/" + kConsumer);
    long long removed = 0;
    for (size_t i = 0; i < book["pricebook_items"].size(); i += 2, ++removed)
      standin.admin_delete("/_admin/pricebooks/" + kConsumer + "/items/" +
                           book["pricebook_items"][i]["item_id"].get<std::string>());

    auto stopped = run_tshsync(db, {"pull-prices"}, env);
    CHECK_MESSAGE(stopped.exit_code == 65, describe(stopped));
    CHECK(stopped.err.find(std::to_string(removed) + " of " + std::to_string(before)) != std::string::npos);
    CHECK(list_rows(db, kConsumer) == before);

    TempDir dir;
    dir.write("tshsync.toml", "[sync]\nmax_change_share = 0.6\n");
    auto configured = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-prices", "--dry-run"}, env);
    CHECK_MESSAGE(configured.exit_code == 0, describe(configured));

    auto allowed = run_tshsync(db, {"pull-prices", "--allow-mass-changes"}, env);
    REQUIRE_MESSAGE(allowed.exit_code == 0, describe(allowed));
    CHECK(metrics_of(allowed)["prices_deleted"] == removed);
    CHECK(list_rows(db, kConsumer) == before - removed);
  }

  TEST_CASE("a --full listing that shrank by half deactivates nothing without --allow-mass-changes") {
    Standin standin(large_catalog(300));
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    const long long active = db.count("SELECT count(*) FROM products WHERE is_active");
    const json items = standin.admin_get("/_admin/export?part=items&fields=item_id,status")["items"];
    long long deleted = 0;
    for (size_t i = 0; i < items.size(); i += 2) {
      if (items[i]["status"] != "active") continue;
      standin.admin_delete("/_admin/items/" + items[i]["item_id"].get<std::string>());
      ++deleted;
    }
    auto stopped = run_tshsync(db, {"pull-products", "--full"}, env);
    CHECK_MESSAGE(stopped.exit_code == 65, describe(stopped));
    CHECK(stopped.err.find(std::to_string(deleted) + " of " + std::to_string(active)) != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM products WHERE is_active") == active);

    auto allowed = run_tshsync(db, {"pull-products", "--full", "--allow-mass-changes"}, env);
    REQUIRE_MESSAGE(allowed.exit_code == 0, describe(allowed));
    CHECK(metrics_of(allowed)["deactivated"] == deleted);
    CHECK(db.count("SELECT count(*) FROM products WHERE is_active") == active - deleted);
  }

  TEST_CASE("stock_field location_available_for_sale_stock: the WholeSale WareHouse's for-sale stock") {
    Standin standin(tsh_catalog());
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    for (const std::string& location : {std::string("WholeSale WareHouse"), kWholesaleLocation}) {
      CAPTURE(location);
      db.exec("UPDATE products SET stock_quantity = -999");
      db.exec("DELETE FROM tshsync_state WHERE key LIKE 'pull-stock%'");
      TempDir dir;
      dir.write("tshsync.toml",
                "[zoho]\nstock_field = \"location_available_for_sale_stock\"\nstock_location = \"" + location + "\"\n");
      auto r = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-stock", "--full", "--locations"}, env);
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
      CHECK(metrics_of(r)["missing_location"] == 0);
      json truth = json::array();
      long long differs_from_on_hand = 0;
      const json exported = standin.admin_get("/_admin/export?part=items&fields=item_id,locations,warehouses");
      for (const auto& item : exported["items"]) {
        const json& list = item.contains("locations") ? item["locations"] : item["warehouses"];
        const std::string prefix = item.contains("locations") ? "location" : "warehouse";
        for (const auto& entry : list) {
          if (entry[prefix + "_id"] != kWholesaleLocation) continue;
          truth.push_back({{"item_id", item["item_id"]}, {"stock", entry[prefix + "_available_for_sale_stock"]}});
          if (entry[prefix + "_available_for_sale_stock"] != entry[prefix + "_stock_on_hand"]) ++differs_from_on_hand;
        }
      }
      CHECK(differs_from_on_hand > 100);
      pqxx::work tx(db.conn());
      CHECK(
          tx.exec_params("SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS t(item_id text, stock numeric) "
                         "JOIN products p ON p.zoho_item_id = t.item_id WHERE abs(p.stock_quantity - t.stock) > 0.001",
                         truth.dump())[0][0]
              .as<long long>() == 0);
      CHECK(tx.exec("SELECT count(*) FROM products WHERE stock_quantity < 0 AND stock_quantity <> -999")[0][0]
                .as<long long>() > 0);  // negative stock arrives as it is
      CHECK(tx.exec("SELECT count(*) FROM product_stock_locations WHERE available_for_sale_stock IS NOT NULL "
                    "AND committed_stock IS NOT NULL AND actual_available_stock IS NOT NULL")[0][0]
                .as<long long>() > 1000);
    }
  }

  TEST_CASE("an item without the configured location gets stock 0 and is counted") {
    Standin standin({"--catalog", "audit", "--rate-limit", "0"});
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    TempDir dir;
    dir.write("tshsync.toml", "[zoho]\nstock_field = \"location_stock_on_hand\"\nstock_location = \"erbil\"\n");
    auto r = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-stock", "--full"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const long long missing = metrics_of(r)["missing_location"];
    CHECK(missing > 300);  // items at positions divisible by 3 have only two locations
    CHECK(r.err.find("no stock at location") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM products WHERE stock_quantity = 0") >= missing);

    dir.write("tshsync.toml", "[zoho]\nstock_field = \"location_stock_on_hand\"\n");
    auto unnamed = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "pull-stock"}, env);
    CHECK_MESSAGE(unnamed.exit_code == 78, describe(unnamed));
  }

  TEST_CASE("Zoho's throttling codes 44, 45 and 1070 under any HTTP status never end in 69") {
    Standin standin(large_catalog(300));
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin);
    // 1070 as HTTP 400, twice: retried, the run succeeds.
    standin.admin_post("/_admin/faults", {{"rules", json::array({{{"path", "/items"},
                                                                  {"kind", "zoho_error"},
                                                                  {"code", 1070},
                                                                  {"status", 400},
                                                                  {"retry_after", 0},
                                                                  {"count", 2}}})}});
    auto retried = run_tshsync(db, {"pull-products", "--full"}, env);
    CHECK_MESSAGE(retried.exit_code == 0, describe(retried));
    // 45 (daily limit) with any status: 75 at once, the next run resumes.
    for (const int status : {429, 400, 200}) {
      CAPTURE(status);
      standin.admin_post(
          "/_admin/faults",
          {{"rules", json::array({{{"path", "/items"}, {"kind", "zoho_error"}, {"code", 45}, {"status", status}}})}});
      auto daily = run_tshsync(db, {"pull-products"}, env);
      CHECK_MESSAGE(daily.exit_code == 75, describe(daily));
    }
    // 44 as HTTP 200 on every request: rate-limited to the end, 75, never 69.
    // Retry-After: 0 keeps the five waits under a second each instead of the
    // production backoff's 0.5 + 1 + 2 + 4 + 8 s.
    standin.admin_post(
        "/_admin/faults",
        {{"rules",
          json::array(
              {{{"path", "/items"}, {"kind", "zoho_error"}, {"code", 44}, {"status", 200}, {"retry_after", 0}}})}});
    auto limited = run_tshsync(db, {"pull-products"}, env);
    CHECK_MESSAGE(limited.exit_code == 75, describe(limited));
    // 14 and 57 are credentials: one refresh, then 77.
    standin.admin_post("/_admin/faults",
                       {{"rules", json::array({{{"path", "/items"}, {"kind", "zoho_error"}, {"code", 14}}})}});
    auto refused = run_tshsync(db, {"pull-products"}, env);
    CHECK_MESSAGE(refused.exit_code == 77, describe(refused));
  }

  TEST_CASE("incremental strategy: Books (no filter, no sort on /items) is detected, remembered and reported") {
    Standin standin({"--catalog", "large", "--items", "900", "--rate-limit", "0", "--books-items", "documented"});
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin, "books");
    auto full = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(full.exit_code == 0, describe(full));
    CHECK(metrics_of(full)["strategy"] == "full");

    const json items = standin.admin_get("/_admin/export?part=items&fields=item_id")["items"];
    const std::string changed = items[10]["item_id"];
    standin.admin_post("/_admin/items/" + changed, {{"name", "Renamed in Books"}});
    auto first = run_tshsync(db, {"pull-products"}, env);
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    CHECK(metrics_of(first)["strategy"] == "full_scan");
    CHECK(first.err.find("ignores the last_modified_time filter") != std::string::npos);
    CHECK(db.text("SELECT name FROM products WHERE zoho_item_id = '" + changed + "'") == "Renamed in Books");
    const json state =
        json::parse(db.text("SELECT value::text FROM tshsync_state WHERE key = 'strategy.pull-products'"));
    CHECK(state["filter"] == false);
    CHECK(state["sort"] == false);
    CHECK(state["strategy"] == "full_scan");

    // Remembered: no refused sort request any more; every page, honestly reported.
    auto second = run_tshsync(db, {"pull-products"}, env);
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["strategy"] == "full_scan");
    CHECK(metrics_of(second)["list_calls"] == 5);  // ceil(900 / 200)
    CHECK(metrics_of(second)["api_calls"] == 5);
  }

  TEST_CASE("incremental strategy: Inventory honours filter and sort: keyed, one call when idle") {
    Standin standin(large_catalog(900));
    TestDatabase db;
    migrate(db);
    const Env env = fast_env(standin, "inventory");
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, env).exit_code == 0);
    auto idle = run_tshsync(db, {"pull-products"}, env);
    REQUIRE_MESSAGE(idle.exit_code == 0, describe(idle));
    CHECK(metrics_of(idle)["strategy"] == "keyed");
    CHECK(metrics_of(idle)["list_calls"] == 1);
    const json state =
        json::parse(db.text("SELECT value::text FROM tshsync_state WHERE key = 'strategy.pull-products'"));
    CHECK(state["filter"] == true);
    CHECK(state["sort"] == true);
  }
}
