#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <algorithm>

#include "robust_support.hpp"

using namespace tshsync::test;
using namespace tshsync::test::robust;
using nlohmann::json;

namespace {

std::string item_at(const json& items, size_t index) { return items.at(index)["item_id"]; }

std::string product_field(TestDatabase& db, const std::string& column, const std::string& zoho_item_id) {
  pqxx::work tx(db.conn());
  const auto row = tx.exec_params("SELECT " + column + "::text FROM products WHERE zoho_item_id = $1", zoho_item_id);
  return row.empty() || row[0][0].is_null() ? "" : row[0][0].as<std::string>();
}

json raw_field(const std::string& item_id, const std::string& field, const json& raw) {
  json rule = {{"path", "/items"}, {"kind", "raw_field"}, {"item_id", item_id}, {"field", field}};
  if (!raw.is_null()) rule[raw.is_object() ? "raw_hex" : "raw"] = raw.is_object() ? raw["hex"] : raw;
  return rule;
}

}  // namespace

TEST_SUITE("robust-records") {
  TEST_CASE("one bad record is skipped and named; the rest of its page is applied, every time") {
    Standin standin(audit_catalog());
    TestDatabase db;
    migrate(db);
    const json items = export_items(standin);
    auto clean = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    REQUIRE_MESSAGE(clean.exit_code == 0, describe(clean));

    struct Bad {
      const char* what;
      const char* field;
      json raw;
      const char* reason;  // in the log line naming the record
    };
    const Bad cases[] = {
        {"a NUL", "name", "\"Charger\\u0000 65W\"", "name holds a NUL"},
        {"a lone surrogate", "name", "\"Charger \\ud800 65W\"", "name holds a lone UTF-16 surrogate"},
        {"invalid UTF-8", "name", json{{"hex", "224368617267657220ff fe2036355722"}},
         "name holds bytes that are not UTF-8"},
        {"1e400", "rate", "1e400", "rate 1e400 is out of range"},
        {"1e308", "rate", "1e308", "is out of range"},
    };
    size_t index = 10;
    for (const Bad& bad : cases) {
      CAPTURE(bad.what);
      const std::string victim = item_at(items, index);
      const std::string neighbour = item_at(items, index + 1);  // on the same page
      index += 20;
      const std::string name_before = product_field(db, "name", victim);
      const std::string price_before = product_field(db, "price", victim);
      const std::string active_before = product_field(db, "is_active", victim);
      standin.admin_post("/_admin/items/" + neighbour, {{"rate", 777000}});
      json fault = raw_field(victim, bad.field, bad.raw);
      if (fault.contains("raw_hex")) {
        std::string hex = fault["raw_hex"];
        hex.erase(std::remove(hex.begin(), hex.end(), ' '), hex.end());
        fault["raw_hex"] = hex;
      }
      set_faults(standin, json::array({fault}));
      for (int run = 0; run < 2; ++run) {  // the same record, run after run, never blocks the others
        auto r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
        CHECK_MESSAGE(r.exit_code == 2, describe(r));
        const json m = metrics_of(r);
        CHECK(m["failed"] == 1);
        CHECK(m["deactivated"] == 0);
        CHECK(r.err.find("skipped item " + victim) != std::string::npos);
        CHECK_MESSAGE(r.err.find(bad.reason) != std::string::npos, r.err);
      }
      CHECK(product_field(db, "name", victim) == name_before);
      CHECK(product_field(db, "price", victim) == price_before);
      CHECK(product_field(db, "is_active", victim) == active_before);
      CHECK(std::stod(product_field(db, "price", neighbour)) == 777000);
    }
  }

  TEST_CASE("a missing or null rate, stock or pricebook rate keeps the ERP's value and counts as failed") {
    Standin standin(audit_catalog());
    TestDatabase db;
    migrate(db);
    const json items = export_items(standin);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, pull_env(standin)).exit_code == 0);
    REQUIRE(run_tshsync(db, {"pull-stock", "--full"}, pull_env(standin)).exit_code == 0);
    const std::string null_rate = item_at(items, 3);
    const std::string no_rate = item_at(items, 4);
    const std::string price_null = product_field(db, "price", null_rate);
    const std::string price_missing = product_field(db, "price", no_rate);
    REQUIRE(std::stod(price_null) > 0);

    set_faults(standin, json::array({raw_field(null_rate, "rate", "null")}));
    auto r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    CHECK_MESSAGE(r.exit_code == 2, describe(r));
    CHECK(metrics_of(r)["failed"] == 1);
    CHECK(r.err.find("rate is missing or null") != std::string::npos);
    set_faults(standin, json::array({raw_field(no_rate, "rate", nullptr)}));
    r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    CHECK_MESSAGE(r.exit_code == 2, describe(r));
    CHECK(metrics_of(r)["failed"] == 1);
    CHECK(product_field(db, "price", null_rate) == price_null);
    CHECK(product_field(db, "price", no_rate) == price_missing);

    // Stock: a null stock_on_hand is counted, not silently ignored.
    const std::string null_stock = item_at(items, 5);
    const std::string stock_before = product_field(db, "stock_quantity", null_stock);
    set_faults(standin, json::array({raw_field(null_stock, "stock_on_hand", "null")}));
    auto s = run_tshsync(db, {"pull-stock", "--full"}, pull_env(standin));
    CHECK_MESSAGE(s.exit_code == 2, describe(s));
    CHECK(metrics_of(s)["failed"] == 1);
    CHECK(s.err.find("stock_on_hand is missing or null") != std::string::npos);
    CHECK(product_field(db, "stock_quantity", null_stock) == stock_before);

    // Price books: a null pricebook_rate keeps the list's price.
    REQUIRE(run_tshsync(db, {"pull-prices"}, pull_env(standin)).exit_code == 0);
    const json consumer = standin.admin_get("/_admin/pricebooks/4815000000070001");
    const std::string priced = consumer["pricebook_items"][0]["item_id"];
    const std::string list_price = db.text(
        "SELECT pp.price::text FROM product_prices pp JOIN products p ON p.id = pp.product_id "
        "JOIN pricelists l ON l.id = pp.pricelist_id WHERE l.zoho_pricebook_id = '4815000000070001' "
        "AND p.zoho_item_id = '" +
        priced + "'");
    REQUIRE(!list_price.empty());
    // The list row (Books' rows carry the items) and the detail alike.
    set_faults(standin, json::array({{{"path", "/pricebooks"},
                                      {"kind", "raw_field"},
                                      {"item_id", priced},
                                      {"field", "pricebook_rate"},
                                      {"raw", "null"}}}));
    auto p = run_tshsync(db, {"pull-prices"}, pull_env(standin));
    CHECK_MESSAGE(p.exit_code == 2, describe(p));
    CHECK(metrics_of(p)["failed"] == 1);
    CHECK(p.err.find("pricebook_rate is missing or null") != std::string::npos);
    CHECK(db.text("SELECT pp.price::text FROM product_prices pp JOIN products p ON p.id = pp.product_id "
                  "JOIN pricelists l ON l.id = pp.pricelist_id WHERE l.zoho_pricebook_id = '4815000000070001' "
                  "AND p.zoho_item_id = '" +
                  priced + "'") == list_price);
  }

  TEST_CASE("a last_modified_time in the future is not kept, is reported, and blocks no later change") {
    Standin standin(audit_catalog());
    TestDatabase db;
    migrate(db);
    const std::string item = item_at(export_items(standin), 7);
    standin.admin_post("/_admin/items/" + item, {{"last_modified_time", "2031-01-01T00:00:00+0300"}});

    auto r = run_tshsync(db, {"pull-products"}, pull_env(standin));
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["future_timestamps"] == 1);
    CHECK(r.err.find("item " + item + ": last_modified_time") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_last_modified_at > now()") == 0);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.cursor' "
                   "AND (value #>> '{}')::timestamptz > now()") == 0);

    // A real edit afterwards reaches the ERP through an incremental pull.
    standin.admin_post("/_admin/items/" + item, {{"rate", 123250}});
    auto next = run_tshsync(db, {"pull-products"}, pull_env(standin));
    REQUIRE_MESSAGE(next.exit_code == 0, describe(next));
    CHECK(std::stod(product_field(db, "price", item)) == 123250);

    // A product stamped in the future by an older version, a cursor in the
    // future: the cursor moves back, and --full applies Zoho's values.
    db.exec("UPDATE products SET zoho_last_modified_at = '2031-01-01', price = 1 WHERE zoho_item_id = '" + item + "'");
    db.exec(
        "UPDATE tshsync_state SET value = to_jsonb('2031-01-01T00:00:00+0000'::text) WHERE key = "
        "'pull-products.cursor'");
    auto incremental = run_tshsync(db, {"pull-products"}, pull_env(standin));
    REQUIRE_MESSAGE(incremental.exit_code == 0, describe(incremental));
    CHECK(incremental.err.find("cursor") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM tshsync_state WHERE key = 'pull-products.cursor' "
                   "AND (value #>> '{}')::timestamptz > now()") == 0);
    auto full = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    REQUIRE_MESSAGE(full.exit_code == 0, describe(full));
    CHECK(std::stod(product_field(db, "price", item)) == 123250);
  }
}
