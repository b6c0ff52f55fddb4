#include <doctest/doctest.h>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

// Gives every active product without a price one in the Consumer list.
void price_the_unpriced(TestDatabase& db) {
  db.exec(
      "INSERT INTO product_prices (product_id, pricelist_id, price, currency)"
      " SELECT p.id, l.id, 1000, 'IQD' FROM products p JOIN pricelists l ON l.name = 'Consumer'"
      " WHERE p.is_active AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id)");
}

}  // namespace

TEST_SUITE("validate") {
  TEST_CASE("validate reports the audit's findings, stores them and exits 1") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"validate"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    const auto m = metrics_of(r);
    CHECK(m["status"] == "problems");
    const auto& rules = m["rules"];
    CHECK(rules["products_without_prices"]["count"] == 104);
    CHECK(rules["products_without_prices"]["status"] == "fail");
    CHECK(rules["products_without_prices"]["severity"] == "error");
    CHECK(rules["products_without_prices"]["samples"] ==
          nlohmann::json({1216, 1217, 1218, 1219, 1220, 1221, 1222, 1223, 1224, 1225}));
    CHECK(rules["products_without_images"]["count"] == 71);
    CHECK(rules["products_without_images"]["status"] == "warn");
    CHECK(rules["products_without_zoho_id"]["count"] == 0);
    CHECK(rules["duplicate_skus"]["count"] == 2);
    CHECK(rules["duplicate_skus"]["samples"] == nlohmann::json({701, 702}));
    CHECK(rules["products_with_non_positive_price"]["count"] == 6);
    CHECK(m["errors"] == 2);
    CHECK(r.err.find("products_without_prices: 104") != std::string::npos);

    // One run: every rule named once, one result row per rule under one run id.
    const long long n_rules = static_cast<long long>(rules.size());
    CHECK(db.count("SELECT count(*) FROM product_validation_rules") == n_rules);
    CHECK(db.count("SELECT count(*) FROM product_validation_results WHERE run_id = '" + m["run_id"].get<std::string>() +
                   "'") == n_rules);
    CHECK(
        db.count(
            "SELECT result_count FROM product_validation_results v JOIN product_validation_rules r ON r.id = v.rule_id"
            " WHERE r.rule_name = 'products_without_prices'") == 104);
    CHECK(
        db.text("SELECT v.status || ' ' || v.severity || ' ' || jsonb_array_length(v.sample_ids) FROM "
                "product_validation_results v"
                " JOIN product_validation_rules r ON r.id = v.rule_id WHERE r.rule_name = 'products_without_images'") ==
        "warn warning 10");
  }

  TEST_CASE("once the 104 products have prices only the remaining failing rules show") {
    TestDatabase db;
    seed_audit_erp(db);
    price_the_unpriced(db);
    auto r = run_tshsync(db, {"validate"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));  // the duplicate SKU pair is still an error
    const auto m = metrics_of(r);
    CHECK(m["rules"]["products_without_prices"]["count"] == 0);
    CHECK(m["rules"]["products_without_prices"]["status"] == "pass");
    CHECK(m["errors"] == 1);
    CHECK(r.err.find("products_without_prices") == std::string::npos);
    CHECK(r.err.find("duplicate_skus: 2") != std::string::npos);
    CHECK(db.count("SELECT count(DISTINCT run_id) FROM product_validation_results") == 1);
  }

  TEST_CASE("--rule runs only the named rules and --samples bounds the samples") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(
        db, {"validate", "--rule", "products_without_images", "--rule", "products_without_zoho_id", "--samples", "3"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));  // a warning alone does not fail the run
    const auto m = metrics_of(r);
    CHECK(m["rules"].size() == 2);
    CHECK(m["rules"]["products_without_images"]["samples"] == nlohmann::json({1001, 1002, 1003}));
    CHECK(m["warnings"] == 1);
    CHECK(m["errors"] == 0);
    CHECK(db.count("SELECT count(*) FROM product_validation_results") == 2);
  }

  TEST_CASE("an unknown rule is a usage error listing the valid names") {
    TestDatabase db;
    migrate(db);
    auto r = run_tshsync(db, {"validate", "--rule", "no_such_rule"});
    CHECK_MESSAGE(r.exit_code == 64, describe(r));
    CHECK(r.err.find("products_without_prices") != std::string::npos);
    CHECK(metrics_of(r)["exit_code"] == 64);
  }

  TEST_CASE("a clean database passes every rule") {
    TestDatabase db;
    migrate(db);
    db.exec("INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD')");
    db.exec(
        "INSERT INTO products (zoho_item_id, name, sku, price, stock_quantity, image_url)"
        " VALUES ('z1', 'A', 'A-1', 5000, 3, '/img/a')");
    auto r = run_tshsync(db, {"validate", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto metrics = metrics_of(r);  // items() must not outlive the json it iterates
    REQUIRE(metrics["rules"].size() == 7);
    for (const auto& entry : metrics["rules"].items()) CHECK_MESSAGE(entry.value()["status"] == "pass", entry.key());
    CHECK(r.err.empty());
  }

  TEST_CASE("SQL stored in the audit's validation_query column is never executed") {
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/audit_erp.sql")));
    db.exec(
        "CREATE TABLE product_validation_rules (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),"
        " rule_name text NOT NULL UNIQUE, rule_description text, validation_query text NOT NULL,"
        " severity text, is_active boolean DEFAULT true, created_at timestamptz DEFAULT now())");
    db.exec(
        "INSERT INTO product_validation_rules (rule_name, validation_query, severity)"
        " VALUES ('products_without_prices', 'DELETE FROM products', 'error')");
    migrate(db);
    auto r = run_tshsync(db, {"validate"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    CHECK(db.count("SELECT count(*) FROM products") == 1356);
    CHECK(db.count("SELECT count(*) FROM product_validation_rules WHERE rule_name = 'products_without_prices'") == 1);
  }
}
