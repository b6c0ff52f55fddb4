#include <doctest/doctest.h>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

TEST_SUITE("backfill-prices") {
  TEST_CASE("backfill-prices gives the audit's 98 priceless products their base price, once") {
    TestDatabase db;
    seed_audit_erp(db);
    const long long prices_before = db.count("SELECT count(*) FROM product_prices");
    auto first = run_tshsync(db, {"backfill-prices"});
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    const auto m = metrics_of(first);
    CHECK(m["backfilled"] == 98);
    CHECK(m["skipped"] == 6);
    REQUIRE(m["skipped_sample"].size() == 6);
    CHECK(m["skipped_sample"][0]["id"] == 1314);
    CHECK(m["skipped_sample"][0]["zoho_item_id"] == "4815000000001314");
    CHECK(first.err.find("1314") != std::string::npos);

    CHECK(db.count("SELECT count(*) FROM product_prices") == prices_before + 98);
    CHECK(db.count("SELECT count(*) FROM product_prices pp JOIN products p ON p.id = pp.product_id"
                   " JOIN pricelists l ON l.id = pp.pricelist_id"
                   " WHERE pp.source = 'backfill' AND l.name = 'Consumer' AND pp.currency = 'IQD'"
                   " AND pp.price = p.price AND p.id BETWEEN 1216 AND 1313") == 98);
    CHECK(db.count("SELECT count(*) FROM products p WHERE p.is_active AND p.price > 0"
                   " AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id)") == 0);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'backfill-prices' AND status = 'success'"
                   " AND records_synced = 98") == 1);

    auto second = run_tshsync(db, {"backfill-prices"});
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["backfilled"] == 0);
    CHECK(metrics_of(second)["skipped"] == 6);
    CHECK(db.count("SELECT count(*) FROM product_prices") == prices_before + 98);
  }

  TEST_CASE("backfill-prices --dry-run counts and writes nothing") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"backfill-prices", "--dry-run"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["backfilled"] == 98);
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE source = 'backfill'") == 0);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'backfill-prices'") == 0);
  }

  TEST_CASE("backfill-prices uses the list named on the command line or in the config, in its currency") {
    TestDatabase db;
    seed_audit_erp(db);
    TempDir dir;
    dir.write("tshsync.toml", "[sync]\ndefault_pricelist = \"Retailer USD\"\n");
    auto from_config = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "backfill-prices", "--dry-run"});
    REQUIRE_MESSAGE(from_config.exit_code == 0, describe(from_config));
    CHECK(metrics_of(from_config)["pricelist"] == "Retailer USD");
    CHECK(metrics_of(from_config)["currency"] == "USD");

    auto explicit_list = run_tshsync(db, {"backfill-prices", "--pricelist", "Wholesale", "--currency", "EUR"});
    REQUIRE_MESSAGE(explicit_list.exit_code == 0, describe(explicit_list));
    CHECK(db.count("SELECT count(*) FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id"
                   " WHERE pp.source = 'backfill' AND l.name = 'Wholesale' AND pp.currency = 'EUR'") == 98);
    CHECK(db.text("SELECT value FROM tshsync_settings WHERE key = 'default_pricelist'") == "Consumer");
  }

  TEST_CASE("backfill-prices names a missing price list and the existing ones, exit 65") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"backfill-prices", "--pricelist", "Retail"});
    CHECK_MESSAGE(r.exit_code == 65, describe(r));
    CHECK(r.err.find("'Retail'") != std::string::npos);
    CHECK(r.err.find("Consumer, Retailer USD, Wholesale") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'backfill-prices' AND status = 'failed'") == 1);
  }

  TEST_CASE("backfill-prices: an unreachable database is exit 69, a bad config file 78") {
    auto unreachable = run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x", "backfill-prices"});
    CHECK_MESSAGE(unreachable.exit_code == 69, describe(unreachable));
    CHECK(metrics_of(unreachable)["command"] == "backfill-prices");

    TestDatabase db;
    TempDir dir;
    dir.write("tshsync.toml", "[sync\n");
    auto bad_config = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "backfill-prices"});
    CHECK_MESSAGE(bad_config.exit_code == 78, describe(bad_config));
  }
}
