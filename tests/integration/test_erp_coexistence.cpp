// tshsync on TSH's real ERP schemas, side by side with the ERP's own Zoho code
// (tests/support/erp_statements: the ERP's statements, from its repository).
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <set>
#include <string>
#include <vector>

#include <tshsync/core/config.hpp>
#include <tshsync/sync/item_merge.hpp>

#include "support/erp_statements.hpp"
#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

// Stand-in item ids: 4815000001000001 + 1000 x position.
std::string standin_item(int position) {
  return std::to_string(4815000001000001ULL + 1000ULL * static_cast<unsigned long long>(position));
}

const char* const kConsumerBook = "4815000000070001";
const char* const kWholesaleBook = "4815000000070002";
const char* const kOnlineBook = "4815000000079001";  // a book the ERP has no list for until tshsync pulls it

// The mapping for the models' shape, as packaging/tshsync.toml.example shows it.
const char* const kModelsMapping = R"TOML(
[erp.products]
price_columns = ["unit_price", "price"]
stock_columns = ["stock_quantity", "actual_available_stock"]
image_columns = ["image_url", "cdn_image_url"]
[erp.products.insert_defaults]
category_id = 1
unit_of_measure = "pcs"
sku = "ZOHO-{zoho_item_id}"
[erp.product_prices.insert_defaults]
pricing_list_id = 1
)TOML";

// The ERP's own rows (only the columns the ERP had), its constraints and
// indexes: migrate must leave all of them as they were.
std::string erp_fingerprint(TestDatabase& db, const std::string& table, const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
  return db.text("SELECT md5(string_agg(row(" + list + ")::text, ',' ORDER BY id)) FROM " + table);
}

std::set<std::string> erp_catalog(TestDatabase& db) {
  std::set<std::string> names;
  pqxx::work tx(db.conn());
  for (const auto& row : tx.exec(
           "SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
           "WHERE connamespace = current_schema()::regnamespace "
           "UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = "
           "current_schema() "
           "UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable "
           "|| "
           "' ' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = current_schema()"))
    names.insert(row[0].as<std::string>());
  return names;
}

bool contains_all(const std::set<std::string>& after, const std::set<std::string>& before, std::string& missing) {
  for (const auto& name : before)
    if (!after.count(name)) missing += name + "\n";
  return missing.empty();
}

// One Zoho record, one row: price lists by their Zoho id in either column.
long long duplicate_pricelists(TestDatabase& db) {
  return db.count(
      "SELECT count(*) FROM (SELECT COALESCE(zoho_pricelist_id, zoho_pricebook_id) AS book FROM pricelists "
      "WHERE COALESCE(zoho_pricelist_id, zoho_pricebook_id) IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d");
}

// The ERP's webhook handlers, as they run between tshsync's commands. Once
// tshsync has created the Online list, the ERP's webhook for that book must
// update the same row (it upserts on zoho_pricelist_id; a second "Online"
// row would break the ERP's own unique name).
void run_erp_handlers(TestDatabase& db, int round, bool online_list_pulled = false) {
  const std::string suffix = std::to_string(round);
  erp_product_handler(db, standin_item(3), "Handler item 3 r" + suffix, "HANDLER-3", 1250, 7 + round);
  erp_product_handler(db, "erp-only-" + suffix, "ERP only " + suffix, "ERP-ONLY-" + suffix, 500, 1);
  erp_pricelist_handler(db, kConsumerBook, "Consumer", "IQD", {{standin_item(1), 1500, 0}, {standin_item(2), 1750, 5}});
  erp_pricelist_handler(db, kWholesaleBook, "Wholesale", "IQD", {{standin_item(1), 1400, 10}});
  if (online_list_pulled) {
    erp_pricelist_handler(db, kOnlineBook, "Online", "IQD", {{standin_item(4), 990, 0}});
    CHECK(db.count("SELECT count(*) FROM pricelists WHERE name = 'Online'") == 1);
  }
  CHECK(duplicate_pricelists(db) == 0);
  CHECK(db.count("SELECT count(*) FROM (SELECT zoho_item_id FROM products WHERE zoho_item_id IS NOT NULL "
                 "GROUP BY 1 HAVING count(*) > 1) d") == 0);
}

void expect_exit(const ProcessResult& r, const std::set<int>& allowed, const std::string& what) {
  INFO(what);
  CHECK_MESSAGE(allowed.count(r.exit_code) == 1, describe(r));
}

// An ERP in the models' shape (with TDS's webhook inbox), the stand-in, and the mapping in a config file.
struct ModelsErp {
  Standin standin{{"--rate-limit", "0"}};
  TestDatabase db;
  TempDir dir;
  Env env;

  ModelsErp() {
    db.exec(read_text(source_path("tests/data/erp_models.sql")));
    db.exec(read_text(source_path("tests/data/erp_tds_inbox.sql")));
    dir.write("tshsync.toml", kModelsMapping);
    env = standin.zoho_env();
    env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
  }
};

}  // namespace

TEST_SUITE("erp-coexistence") {
  TEST_CASE("handlers' shape: the whole cycle, with the ERP's webhook statements after every command") {
    Standin standin({"--rate-limit", "0"});
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/audit_erp.sql")));
    db.exec(read_text(source_path("tests/data/erp_handlers.sql")));
    run_erp_handlers(db, 0);
    const std::vector<std::string> product_columns{"id",         "zoho_item_id",   "name",       "sku",
                                                   "price",      "stock_quantity", "image_url",  "is_active",
                                                   "created_at", "updated_at",     "description"};
    const std::string products_before = erp_fingerprint(db, "products", product_columns);
    const std::string lists_before =
        erp_fingerprint(db, "pricelists", {"id", "name", "zoho_pricebook_id", "currency", "zoho_pricelist_id"});
    const std::string prices_before =
        erp_fingerprint(db, "product_prices", {"id", "product_id", "pricelist_id", "price", "discount_percentage"});
    const auto catalog_before = erp_catalog(db);

    auto check = run_tshsync(db, {"migrate", "--check"});
    REQUIRE_MESSAGE(check.exit_code == 0, describe(check));
    for (int i = 0; i < 2; ++i) {
      auto r = run_tshsync(db, {"migrate"});
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    }
    CHECK(erp_fingerprint(db, "products", product_columns) == products_before);
    CHECK(erp_fingerprint(db, "pricelists", {"id", "name", "zoho_pricebook_id", "currency", "zoho_pricelist_id"}) ==
          lists_before);
    CHECK(erp_fingerprint(db, "product_prices", {"id", "product_id", "pricelist_id", "price", "discount_percentage"}) ==
          prices_before);
    std::string missing;
    CHECK_MESSAGE(contains_all(erp_catalog(db), catalog_before, missing), missing);
    run_erp_handlers(db, 1);

    standin.admin_post(std::string("/_admin/pricebooks/") + kOnlineBook, {{"name", "Online"}});
    Env env = standin.zoho_env();
    env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
    const std::vector<std::pair<std::vector<std::string>, std::set<int>>> cycle{
        // The audit's ERP holds products and prices Zoho's stand-in never had:
        // removing them is a mass change the test allows on purpose.
        {{"pull-products", "--full", "--allow-mass-changes"}, {0}},
        {{"pull-stock"}, {0}},
        {{"pull-prices", "--allow-mass-changes"}, {0}},
        {{"fix-stuck"}, {0}},
        {{"backfill-prices"}, {0}},
        {{"validate"}, {0, 1}},
        {{"health"}, {0, 1}},
        {{"replay-dlq"}, {0}},
        {{"archive-logs"}, {0}},
        {{"migrate"}, {0}}};
    int round = 2;
    bool prices_pulled = false;
    for (const auto& [args, allowed] : cycle) {
      expect_exit(run_tshsync(db, args, env), allowed, args.front());
      prices_pulled = prices_pulled || args.front() == "pull-prices";
      run_erp_handlers(db, round++, prices_pulled);
    }
    CHECK(db.text("SELECT zoho_pricelist_id FROM pricelists WHERE name = 'Online'") == kOnlineBook);
    // The ERP's lists are tshsync's: keyed on zoho_pricelist_id, nothing created twice.
    CHECK(db.count("SELECT count(*) FROM pricelists WHERE zoho_pricelist_id = '" + std::string(kConsumerBook) + "'") ==
          1);
    CHECK(
        db.count("SELECT count(*) FROM pricelists WHERE zoho_pricebook_id IS NOT NULL AND zoho_pricelist_id IS NULL") ==
        0);
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id ~ '^481500000[12]'") == 1356);
  }

  TEST_CASE("models' shape: migrate --check names every incompatibility, exits 78 and writes nothing") {
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/erp_models.sql")));
    const auto catalog_before = erp_catalog(db);
    auto check = run_tshsync(db, {"migrate", "--check"});
    REQUIRE_MESSAGE(check.exit_code == 78, describe(check));
    for (const char* expected :
         {"products.sku is NOT NULL without a default", "products.category_id is NOT NULL without a default",
          "products.unit_price is NOT NULL without a default", "products.unit_of_measure is NOT NULL without a default",
          "products.actual_available_stock is NOT NULL without a default",
          "product_prices.pricing_list_id is NOT NULL without a default"})
      CHECK_MESSAGE(check.err.find(expected) != std::string::npos, expected, "\n", describe(check));
    CHECK(metrics_of(check)["incompatibilities"] == 6);
    CHECK(erp_catalog(db) == catalog_before);

    auto migrate_unmapped = run_tshsync(db, {"migrate"});
    CHECK_MESSAGE(migrate_unmapped.exit_code == 78, describe(migrate_unmapped));
    CHECK(erp_catalog(db) == catalog_before);
    CHECK(db.count("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'tshsync%'") == 0);
  }

  TEST_CASE("models' shape with the mapping: the cycle fills the ERP's columns; rejected records are named") {
    ModelsErp erp;
    Standin& standin = erp.standin;
    TestDatabase& db = erp.db;
    const Env& env = erp.env;
    const std::vector<std::string> erp_columns{
        "id",           "sku",      "name", "category_id", "unit_price", "unit_of_measure", "actual_available_stock",
        "zoho_item_id", "image_url"};
    const std::string before = erp_fingerprint(db, "products", erp_columns);
    const auto catalog_before = erp_catalog(db);

    auto check = run_tshsync(db, {"migrate", "--check"}, env);
    REQUIRE_MESSAGE(check.exit_code == 0, describe(check));
    CHECK(check.err.find("would add column products.zoho_last_modified_at") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'tshsync%'") == 0);
    for (int i = 0; i < 2; ++i) {
      auto r = run_tshsync(db, {"migrate"}, env);
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    }
    CHECK(erp_fingerprint(db, "products", erp_columns) == before);
    std::string missing;
    CHECK_MESSAGE(contains_all(erp_catalog(db), catalog_before, missing), missing);

    // The ERP's screens keep working, before and after every command.
    int added = 0;
    const auto erp_writes = [&] {
      const std::string id = erp_orm_add_product(db, "SCREEN-" + std::to_string(++added), "Screen product", 2500, 1);
      erp_orm_set_unit_price(db, id, 2750);
    };
    erp_writes();

    // The audit catalog has two pairs of items sharing a SKU: the ERP's unique
    // sku index refuses the second of each, and only those.
    auto full = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(full.exit_code == 2, describe(full));
    const json m = metrics_of(full);
    CHECK(m["failed"] == 2);
    REQUIRE(m["failed_ids"].size() == 2);
    for (const auto& id : m["failed_ids"]) {
      CHECK(full.err.find("skipped item " + id.get<std::string>() + ": the database refused it") != std::string::npos);
      CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id = '" + id.get<std::string>() + "'") == 0);
    }
    CHECK(full.err.find("ix_products_sku") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id ~ '^481500000[12]'") == 1356 - 2);
    // Zoho's rate, stock and image in every mapped column.
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id IS NOT NULL AND "
                   "(unit_price IS DISTINCT FROM price OR cdn_image_url IS DISTINCT FROM image_url)") == 0);
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id ~ '^481500000[12]' AND category_id = 1 "
                   "AND unit_of_measure = 'pcs'") >= 1356 - 2 - 20);
    erp_writes();

    // A name longer than the ERP's varchar(200): skipped and named, the rest
    // applied, and --full does not take the unwritten item for deleted.
    const std::string long_name(201, 'x');
    standin.admin_post("/_admin/items/" + standin_item(25), {{"name", long_name}});
    const std::string name_before =
        db.text("SELECT name FROM products WHERE zoho_item_id = '" + standin_item(25) + "'");
    auto again = run_tshsync(db, {"pull-products", "--full"}, env);
    REQUIRE_MESSAGE(again.exit_code == 2, describe(again));
    CHECK(metrics_of(again)["failed"] == 3);
    CHECK(again.err.find("skipped item " + standin_item(25) + ": the database refused it: value too long") !=
          std::string::npos);
    CHECK(again.err.find("name 201 characters") != std::string::npos);
    CHECK(metrics_of(again)["deactivated"] == 0);
    CHECK(db.text("SELECT is_active::text FROM products WHERE zoho_item_id = '" + standin_item(25) + "'") == "true");
    CHECK(db.text("SELECT name FROM products WHERE zoho_item_id = '" + standin_item(25) + "'") == name_before);
    erp_writes();

    auto stock = run_tshsync(db, {"pull-stock"}, env);
    REQUIRE_MESSAGE(stock.exit_code == 0, describe(stock));
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id IS NOT NULL "
                   "AND actual_available_stock::numeric IS DISTINCT FROM stock_quantity") == 0);
    erp_writes();

    auto prices = run_tshsync(db, {"pull-prices"}, env);
    REQUIRE_MESSAGE(prices.exit_code == 0, describe(prices));
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE source = 'zoho'") > 1000);
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE source = 'zoho' AND pricing_list_id <> 1") == 0);
    erp_writes();

    for (const auto& [args, allowed] :
         std::vector<std::pair<std::vector<std::string>, std::set<int>>>{{{"fix-stuck"}, {0}},
                                                                         {{"backfill-prices"}, {0}},
                                                                         {{"validate"}, {0, 1}},
                                                                         {{"health"}, {0, 1}},
                                                                         {{"replay-dlq"}, {0}},
                                                                         {{"archive-logs"}, {0}},
                                                                         {{"migrate"}, {0}}}) {
      expect_exit(run_tshsync(db, args, env), allowed, args.front());
      erp_writes();
    }
  }

  TEST_CASE("insert defaults stand in where Zoho has no value, on insert only; description is Zoho's") {
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/erp_models.sql")));
    TempDir dir;
    dir.write("tshsync.toml", kModelsMapping);
    auto r = run_tshsync(db, {"migrate"}, {{"TSHSYNC_CONFIG", dir.file("tshsync.toml")}});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    tshsync::sync::ApplyOptions options;
    options.erp = tshsync::core::parse_config_text(kModelsMapping, "mapping.toml").erp;
    const auto item = [](const std::string& sku, const std::string& name, const std::string& modified) {
      return json{{"item_id", "4815000009000001"},
                  {"name", name},
                  {"sku", sku},
                  {"rate", 1500},
                  {"status", "active"},
                  {"description", "Fast charger"},
                  {"stock_on_hand", 5},
                  {"last_modified_time", modified}};
    };
    const auto product = [&](const std::string& column) {
      return db.text("SELECT " + column + "::text FROM products WHERE zoho_item_id = '4815000009000001'");
    };

    auto counts =
        tshsync::sync::apply_items(db.conn(), json::array({item("", "Charger", "2025-10-01T10:00:00+0300")}), options);
    CHECK(counts.inserted == 1);
    CHECK(product("sku") == "ZOHO-4815000009000001");
    CHECK(product("category_id") == "1");
    CHECK(product("unit_of_measure") == "pcs");
    CHECK(product("unit_price") == "1500.00");
    CHECK(product("price") == "1500");
    CHECK(product("actual_available_stock") == "5");
    CHECK(product("description") == "Fast charger");

    // The ERP gives the product its own SKU; Zoho still has none: the ERP's stays.
    db.exec("UPDATE products SET sku = 'ERP-SET', category_id = 2 WHERE zoho_item_id = '4815000009000001'");
    counts = tshsync::sync::apply_items(db.conn(), json::array({item("", "Charger 2", "2025-10-02T10:00:00+0300")}),
                                        options);
    CHECK(counts.updated == 1);
    CHECK(product("name") == "Charger 2");
    CHECK(product("sku") == "ERP-SET");
    CHECK(product("category_id") == "2");
    // Zoho's own SKU wins once it has one.
    tshsync::sync::apply_items(db.conn(), json::array({item("TSH-9", "Charger 2", "2025-10-03T10:00:00+0300")}),
                               options);
    CHECK(product("sku") == "TSH-9");
  }

  TEST_CASE("replay-dlq: an item the ERP's columns refuse fails its attempt, named; the others are applied") {
    ModelsErp erp;
    Standin& standin = erp.standin;
    TestDatabase& db = erp.db;
    const Env& env = erp.env;
    auto r = run_tshsync(db, {"migrate"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    standin.admin_post("/_admin/items/" + standin_item(30), {{"name", std::string(201, 'y')}});
    for (const int position : {30, 31})
      db.exec(
          "INSERT INTO webhook_logs (event_id, event_type, status, payload, error_message, created_at) VALUES "
          "('evt-" +
          std::to_string(position) + "', 'item.update', 'error', '{\"item\": {\"item_id\": \"" +
          standin_item(position) + "\"}}', 'receiver failed', now() - interval '10 minutes')");
    auto replay = run_tshsync(db, {"replay-dlq"}, env);
    REQUIRE_MESSAGE(replay.exit_code == 2, describe(replay));
    CHECK(metrics_of(replay)["resolved"] == 1);
    CHECK(metrics_of(replay)["retried"] == 1);
    CHECK(replay.err.find("skipped item " + standin_item(30) + ": the database refused it: value too long") !=
          std::string::npos);
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id = '" + standin_item(31) + "'") == 1);
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id = '" + standin_item(30) + "'") == 0);
    CHECK(db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE resolved_at IS NULL AND last_error LIKE '%" +
                   standin_item(30) + "%'") == 1);
  }

  TEST_CASE("the integrity trigger never fails the ERP's insert; backfill-prices names the product it cannot price") {
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/erp_models.sql")));
    TempDir dir;
    dir.write("tshsync.toml", kModelsMapping);
    const Env env{{"TSHSYNC_CONFIG", dir.file("tshsync.toml")}};
    auto r = run_tshsync(db, {"migrate"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    db.exec("INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD')");
    // A constraint of the ERP's that the trigger's row breaks.
    db.exec("ALTER TABLE product_prices ADD CONSTRAINT erp_price_cap CHECK (price < 1000000)");

    pqxx::work tx(db.conn());
    const std::string id =
        tx.exec(
              "INSERT INTO products (sku, name, category_id, unit_price, unit_of_measure, actual_available_stock, "
              "is_active) VALUES ('BIG-1', 'Expensive', 1, 2000000, 'pcs', 0, true) RETURNING id")[0][0]
            .as<std::string>();
    tx.commit();  // the deferred trigger runs here and must not fail the commit
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE product_id = " + id) == 0);
    // The trigger's base price (Consumer, at commit) and then the ERP's own row.
    const std::string cheap = erp_orm_add_product(db, "CHEAP-1", "Cheap", 1500, 2);
    CHECK(db.count("SELECT count(*) FROM product_prices WHERE product_id = " + cheap) == 2);

    auto backfill = run_tshsync(db, {"backfill-prices"}, env);
    REQUIRE_MESSAGE(backfill.exit_code == 2, describe(backfill));
    CHECK(metrics_of(backfill)["failed"] == 1);
    CHECK(metrics_of(backfill)["failed_ids"][0]["id"] == std::stoll(id));
    CHECK(backfill.err.find("erp_price_cap") != std::string::npos);
    // 40 ERP products have prices already: nothing else needed backfilling.
    CHECK(metrics_of(backfill)["backfilled"] == 0);

    // price_trigger = false removes it.
    dir.write("tshsync.toml", std::string(kModelsMapping) + "[erp]\nprice_trigger = false\n");
    r = run_tshsync(db, {"migrate"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(db.count("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'tshsync_%'") == 0);
  }

  TEST_CASE("uuid ids: migrate, the pulls and the ERP's writes work on an ERP keyed by uuid") {
    Standin standin({"--catalog", "large", "--items", "300", "--rate-limit", "0"});
    TestDatabase db;
    db.exec(R"SQL(
CREATE TABLE products (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), zoho_item_id text UNIQUE, name text NOT NULL,
                       sku text, price numeric DEFAULT 0, stock_quantity numeric DEFAULT 0, image_url text,
                       is_active boolean DEFAULT true);
CREATE TABLE pricelists (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, currency text);
CREATE TABLE product_prices (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), product_id uuid REFERENCES products (id),
                             pricelist_id uuid REFERENCES pricelists (id), price numeric, currency text,
                             UNIQUE (product_id, pricelist_id));
INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD');
INSERT INTO products (zoho_item_id, name, price) VALUES (NULL, 'ERP only', 900);
)SQL");
    Env env = standin.zoho_env();
    env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
    auto m = run_tshsync(db, {"migrate"}, env);
    REQUIRE_MESSAGE(m.exit_code == 0, describe(m));
    CHECK(db.text("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                  "WHERE attrelid = 'product_stock_locations'::regclass AND attname = 'product_id'") == "uuid");
    for (const std::vector<std::string>& args : {std::vector<std::string>{"pull-products", "--full"},
                                                 {"pull-stock", "--locations"},
                                                 {"pull-prices"},
                                                 {"backfill-prices"},
                                                 {"validate"},
                                                 {"fix-stuck"}}) {
      auto r = run_tshsync(db, args, env);
      CHECK_MESSAGE((r.exit_code == 0 || (args.front() == "validate" && r.exit_code == 1)), describe(r));
    }
    CHECK(db.count("SELECT count(*) FROM products WHERE zoho_item_id IS NOT NULL") == 300);
    CHECK(db.count("SELECT count(*) FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id "
                   "WHERE l.name = 'Consumer'") > 200);
    db.exec("INSERT INTO products (name, price) VALUES ('ERP after', 1200)");  // the trigger prices it
    CHECK(db.count("SELECT count(*) FROM product_prices pp JOIN products p ON p.id = pp.product_id "
                   "WHERE p.name = 'ERP after'") == 1);
  }

  TEST_CASE("integer webhook_logs ids: the dead-letter queue and the archive take the ERP's id type") {
    Standin standin({"--rate-limit", "0"});
    TestDatabase db;
    db.exec(
        "CREATE TABLE webhook_logs (id serial PRIMARY KEY, event_id text, event_type text, status text, "
        "payload jsonb, error_message text, created_at timestamptz NOT NULL DEFAULT now())");
    migrate(db);
    CHECK(db.text("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attname = 'original_webhook_log_id' "
                  "AND attrelid = 'webhook_dead_letter_queue'::regclass") == "integer");
    CHECK(db.text("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attname = 'id' "
                  "AND attrelid = 'webhook_logs_archive'::regclass") == "integer");
    db.exec(
        "INSERT INTO webhook_logs (event_id, event_type, status, payload, error_message, created_at) VALUES "
        "('evt-1', 'item.update', 'error', '{\"item\": {\"item_id\": \"" +
        standin_item(5) +
        "\"}}', 'receiver failed', now() - interval '100 days'),"
        "('evt-2', 'item.update', 'success', '{}', NULL, now() - interval '100 days')");
    Env env = standin.zoho_env();
    env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
    auto replay = run_tshsync(db, {"replay-dlq"}, env);
    REQUIRE_MESSAGE(replay.exit_code == 0, describe(replay));
    CHECK(metrics_of(replay)["resolved"] == 1);
    auto archive = run_tshsync(db, {"archive-logs"}, env);
    REQUIRE_MESSAGE(archive.exit_code == 0, describe(archive));
    CHECK(metrics_of(archive)["archived"] == 2);
    auto health = run_tshsync(db, {"health"}, env);
    CHECK_MESSAGE(health.exit_code <= 1, describe(health));
  }

  TEST_CASE("migrate applies everything in one transaction: a failure leaves the database as it was") {
    TestDatabase db;
    db.exec(read_text(source_path("tests/data/audit_erp.sql")));
    // Two products claim one Zoho item: the ERP never had the unique index.
    db.exec(
        "ALTER TABLE products DROP CONSTRAINT products_zoho_item_id_key;"
        "UPDATE products SET zoho_item_id = '4815000000000001' WHERE id = 2");
    const auto catalog_before = erp_catalog(db);
    auto check = run_tshsync(db, {"migrate", "--check"});
    CHECK_MESSAGE(check.exit_code == 78, describe(check));
    CHECK(check.err.find("migrate fails on this database") != std::string::npos);
    auto r = run_tshsync(db, {"migrate"});
    CHECK_MESSAGE(r.exit_code != 0, describe(r));
    CHECK(erp_catalog(db) == catalog_before);
    CHECK(db.count("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'tshsync%'") == 0);
  }
}
