#include <doctest/doctest.h>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

TEST_SUITE("migrate") {
  TEST_CASE("migrate creates the schema on an empty database and is idempotent") {
    TestDatabase db;
    auto first = run_tshsync(db, {"migrate"});
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    CHECK(metrics_of(first)["from_version"] == 0);
    CHECK(db.count("SELECT count(*) FROM tshsync_schema_migrations") >= 2);
    auto second = run_tshsync(db, {"migrate"});
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["applied"].empty());
  }

  TEST_CASE("migrate --dry-run lists pending migrations and writes nothing") {
    TestDatabase db;
    auto r = run_tshsync(db, {"migrate", "--dry-run"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["pending"].size() >= 2);
    CHECK(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'products'") == 0);
  }

  TEST_CASE("migrate adopts an existing ERP database without losing data") {
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/audit_erp.sql")));
    const long long prices_before = db.count("SELECT count(*) FROM product_prices");
    migrate(db);
    CHECK(db.count("SELECT count(*) FROM products") == 1356);
    CHECK(db.count("SELECT count(*) FROM product_prices") == prices_before);
    // Columns tshsync added have defaults, so the ERP's own inserts keep working.
    db.exec("INSERT INTO products (zoho_item_id, name, price) VALUES ('x-1', 'ERP insert', 0)");
    db.exec("INSERT INTO sync_logs (sync_type, status) VALUES ('erp', 'success')");
    migrate(db);
  }

  TEST_CASE("commands refuse a database that migrate has not brought up to date") {
    TestDatabase db;
    auto r = run_tshsync(db, {"fix-stuck"});
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("tshsync migrate") != std::string::npos);
  }
}

TEST_SUITE("price integrity trigger") {
  TEST_CASE("an active product with a positive price never stays without a price") {
    TestDatabase db;
    migrate(db);
    db.exec("INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD')");
    db.exec("INSERT INTO products (zoho_item_id, name, price, is_active) VALUES ('a', 'A', 5000, true)");
    CHECK(db.count("SELECT count(*) FROM product_prices pp JOIN products p ON p.id = pp.product_id WHERE "
                   "p.zoho_item_id = 'a' AND pp.price = 5000") == 1);
    // Deleting its last price brings the base price back.
    db.exec("DELETE FROM product_prices");
    CHECK(db.count("SELECT count(*) FROM product_prices") == 1);
    // Zero price and inactive products are left alone.
    db.exec(
        "INSERT INTO products (zoho_item_id, name, price, is_active) VALUES ('b', 'B', 0, true), ('c', 'C', 10, "
        "false)");
    CHECK(db.count("SELECT count(*) FROM product_prices") == 1);
  }

  TEST_CASE("the trigger does not fail when the default price list is missing") {
    TestDatabase db;
    migrate(db);
    db.exec("INSERT INTO products (zoho_item_id, name, price, is_active) VALUES ('a', 'A', 5000, true)");
    CHECK(db.count("SELECT count(*) FROM product_prices") == 0);
  }

  TEST_CASE("prices replaced inside one transaction are not second-guessed") {
    TestDatabase db;
    migrate(db);
    db.exec("INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD'), ('Wholesale', 'IQD')");
    db.exec(
        "BEGIN; INSERT INTO products (zoho_item_id, name, price) VALUES ('a', 'A', 5000);"
        " INSERT INTO product_prices (product_id, pricelist_id, price) SELECT p.id, l.id, 4500 FROM products p, "
        "pricelists l WHERE l.name = 'Wholesale'; COMMIT;");
    CHECK(db.count("SELECT count(*) FROM product_prices") == 1);
    CHECK(db.text("SELECT l.name FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id") == "Wholesale");
  }
}
