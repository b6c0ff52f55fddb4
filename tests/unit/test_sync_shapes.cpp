#include <doctest/doctest.h>

#include <tshsync/core/config.hpp>
#include <tshsync/core/error.hpp>
#include <tshsync/sync/location_stock.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/product_filter.hpp>

namespace core = tshsync::core;
using nlohmann::json;

TEST_SUITE_BEGIN("sync");

TEST_CASE("location stock: by id or name, locations[] or warehouses[]; a missing location is 0 and counted") {
  const json details = json::parse(R"([
    {"item_id":"1","last_modified_time":"2025-10-08T09:15:00+0300","locations":[
      {"location_id":"2646610000000077024","location_name":"WholeSale WareHouse","location_stock_on_hand":42,
       "location_available_for_sale_stock":28}]},
    {"item_id":"2","last_modified_time":"2025-10-08T09:15:00+0300","warehouses":[
      {"warehouse_id":"2646610000000077024","warehouse_name":"WholeSale WareHouse","warehouse_stock_on_hand":5,
       "warehouse_available_for_sale_stock":-2}]},
    {"item_id":"3","last_modified_time":"2025-10-08T09:15:00+0300","locations":[
      {"location_id":"9","location_name":"Retail Shop","location_available_for_sale_stock":7}]},
    {"item_id":"4","last_modified_time":"2025-10-08T09:15:00+0300"}])");
  for (const std::string location : {"2646610000000077024", "wholesale warehouse"}) {
    CAPTURE(location);
    int64_t missing = 0;
    const json rows = tshsync::sync::stock_at_location(details, "location_available_for_sale_stock", location, missing);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["stock"] == 28);
    CHECK(rows[1]["stock"] == -2);
    CHECK(rows[2]["stock"] == 0);
    CHECK(rows[3]["stock"] == 0);
    CHECK(missing == 2);
  }
  int64_t missing = 0;
  CHECK(tshsync::sync::stock_at_location(details, "location_stock_on_hand", "WholeSale WareHouse",
                                         missing)[0]["stock"] == 42);
  CHECK(tshsync::sync::is_location_stock_field("location_available_stock"));
  CHECK_FALSE(tshsync::sync::is_location_stock_field("available_stock"));
}

TEST_CASE("product filter: item types, product types, combos; unsent types do not exclude") {
  tshsync::sync::ProductFilter filter;
  tshsync::zoho::Item item;
  CHECK(tshsync::sync::is_product(item, filter));
  item.item_type = "purchases";
  CHECK_FALSE(tshsync::sync::is_product(item, filter));
  item.item_type = "sales";
  item.product_type = "service";
  CHECK(tshsync::sync::is_product(item, filter));
  filter.product_types = {"goods"};
  CHECK_FALSE(tshsync::sync::is_product(item, filter));
  item.product_type = "goods";
  item.is_combo = true;
  CHECK(tshsync::sync::is_product(item, filter));
  filter.include_combos = false;
  CHECK_FALSE(tshsync::sync::is_product(item, filter));
}

TEST_CASE("mass-change guard: more than the share stops with 65 and names the count") {
  const tshsync::sync::MassChangeLimit limit{0.10, false};
  CHECK_NOTHROW(tshsync::sync::check_mass_change(limit, 10, 100, "delete prices"));
  CHECK_NOTHROW(tshsync::sync::check_mass_change(limit, 5, 0, "delete prices"));
  try {
    tshsync::sync::check_mass_change(limit, 555, 855, "delete prices of list Consumer");
    FAIL("no throw");
  } catch (const core::Error& e) {
    CHECK(e.code() == core::ExitCode::data_error);
    CHECK(std::string(e.what()).find("555 of 855") != std::string::npos);
    CHECK(std::string(e.what()).find("--allow-mass-changes") != std::string::npos);
  }
  CHECK_NOTHROW(tshsync::sync::check_mass_change({0.10, true}, 555, 855, "delete prices"));
  CHECK_NOTHROW(tshsync::sync::check_mass_change({0.7, false}, 555, 855, "delete prices"));
}

TEST_CASE("config: the keys of issue 9 and their defaults") {
  const core::Config defaults = core::parse_config_text("", "test.toml");
  CHECK(defaults.sync.max_change_share == doctest::Approx(0.10));
  CHECK(defaults.zoho.item_types == std::vector<std::string>{"inventory", "sales", "sales_and_purchases"});
  CHECK(defaults.zoho.product_types == std::vector<std::string>{"goods", "service"});
  CHECK(defaults.zoho.include_combos);
  const core::Config c = core::parse_config_text(R"(
[zoho]
stock_field = "location_available_for_sale_stock"
stock_location = "WholeSale WareHouse"
item_types = ["inventory"]
product_types = ["goods"]
include_combos = false
[sync]
max_change_share = 0.25
)",
                                                 "test.toml");
  CHECK(c.zoho.stock_location == "WholeSale WareHouse");
  CHECK(c.zoho.item_types == std::vector<std::string>{"inventory"});
  CHECK_FALSE(c.zoho.include_combos);
  CHECK(c.sync.max_change_share == doctest::Approx(0.25));
  CHECK_THROWS_AS(core::parse_config_text("[sync]\nmax_change_share = 2\n", "t.toml"), core::Error);
  CHECK_THROWS_AS(core::parse_config_text("[zoho]\nitem_types = \"inventory\"\n", "t.toml"), core::Error);
  CHECK_THROWS_AS(core::parse_config_text("[zoho]\ninclude_combos = 1\n", "t.toml"), core::Error);
}

TEST_SUITE_END();
