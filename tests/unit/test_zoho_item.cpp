#include <doctest/doctest.h>

#include <string>

#include <tshsync/zoho/item.hpp>

namespace zoho = tshsync::zoho;
using nlohmann::json;

TEST_SUITE_BEGIN("zoho");

namespace {

json inventory_item() {
  return json::parse(R"({
    "item_id": "4815000001000001", "name": "Anker 65W Charger \"GaN\"", "sku": "TSH-000001",
    "status": "active", "rate": 35000.0, "stock_on_hand": "12.00", "available_stock": 10,
    "image_id": "9815000001000001", "image_name": "TSH-000001.jpg",
    "last_modified_time": "2025-10-08T09:15:00+0300"})");
}

std::string reason_of(const json& record) {
  try {
    zoho::parse_item(record);
  } catch (const zoho::RecordError& e) {
    return e.record_id() + ": " + e.reason();
  }
  return "";
}

// Whether the RecordError parse_item throws names the record by its own id.
bool error_has_id(const json& record) {
  try {
    zoho::parse_item(record);
  } catch (const zoho::RecordError& e) {
    return e.has_record_id();
  }
  FAIL("no RecordError");
  return false;
}

}  // namespace

TEST_CASE("item: the fields tshsync keeps, stock as text or number, exact decimals") {
  const zoho::Item item = zoho::parse_item(inventory_item());
  CHECK(item.item_id == "4815000001000001");
  CHECK(item.name == "Anker 65W Charger \"GaN\"");
  CHECK(item.sku == "TSH-000001");
  CHECK(item.rate == "35000");
  CHECK(item.active);
  CHECK(item.has_image);
  CHECK(item.stock_on_hand == std::optional<std::string>("12.00"));
  CHECK(item.available_stock == std::optional<std::string>("10"));
  CHECK(tshsync::util::format_zoho_timestamp(item.last_modified) == "2025-10-08T06:15:00+0000");
}

TEST_CASE("item: numeric ids stay exact, decimals keep their digits") {
  json record = inventory_item();
  record["item_id"] = 4815000001000001ULL;
  record["rate"] = 0.1;
  record["stock_on_hand"] = json();
  const zoho::Item item = zoho::parse_item(record);
  CHECK(item.item_id == "4815000001000001");
  CHECK(item.rate == "0.1");
  CHECK_FALSE(item.stock_on_hand.has_value());
}

TEST_CASE("item: images under Books are image_document_id; empty means none") {
  json books = inventory_item();
  books.erase("image_id");
  books.erase("image_name");
  books["image_document_id"] = "9815";
  CHECK(zoho::parse_item(books).has_image);
  books["image_document_id"] = "";
  CHECK_FALSE(zoho::parse_item(books).has_image);
}

TEST_CASE("item: inactive status, missing sku is empty; a missing or null rate is a bad record, not 0") {
  json record = inventory_item();
  record["status"] = "inactive";
  record.erase("sku");
  const zoho::Item item = zoho::parse_item(record);
  CHECK_FALSE(item.active);
  CHECK(item.sku.empty());
  record.erase("rate");
  CHECK_THROWS_WITH_AS(zoho::parse_item(record), doctest::Contains("rate is missing or null"), zoho::RecordError);
  record["rate"] = nullptr;
  CHECK_THROWS_AS(zoho::parse_item(record), zoho::RecordError);
}

TEST_CASE("item: bad records throw RecordError with the item id and the reason") {
  json bad_rate = inventory_item();
  bad_rate["rate"] = "abc";
  CHECK(reason_of(bad_rate) == "4815000001000001: rate is not a number: \"abc\"");
  json no_id = inventory_item();
  no_id.erase("item_id");
  CHECK(reason_of(no_id) == "(no item_id): no item_id");
  json float_id = inventory_item();
  float_id["item_id"] = 4.8e15;
  CHECK(reason_of(float_id) == "(no item_id): unusable item_id");
  // A missing id is a flag on the error, not a text to recognise by its "(".
  CHECK_FALSE(error_has_id(no_id));
  CHECK_FALSE(error_has_id(float_id));
  CHECK_FALSE(error_has_id(json::array()));
  json bad_time = inventory_item();
  bad_time["last_modified_time"] = "yesterday";
  CHECK(reason_of(bad_time) == "4815000001000001: unusable last_modified_time \"yesterday\"");
  json bad_status = inventory_item();
  bad_status["status"] = "archived";
  CHECK(reason_of(bad_status) == "4815000001000001: unknown status \"archived\"");
  CHECK(error_has_id(bad_status));
  json bad_stock = inventory_item();
  bad_stock["stock_on_hand"] = "1,200";
  CHECK(reason_of(bad_stock).find("stock_on_hand is not a number") != std::string::npos);
  CHECK(reason_of(json::array()) == "(not an object): the item is not a JSON object");
}

TEST_CASE("item: decimal text accepts what numeric accepts, nothing else") {
  CHECK(zoho::decimal_text(json("  12.50 ")) == std::optional<std::string>("12.50"));
  CHECK(zoho::decimal_text(json("-3")) == std::optional<std::string>("-3"));
  CHECK(zoho::decimal_text(json(".5")) == std::optional<std::string>(".5"));
  CHECK(zoho::decimal_text(json("1e3")) == std::optional<std::string>("1e3"));
  CHECK_FALSE(zoho::decimal_text(json("NaN")));
  CHECK(zoho::decimal_text(json("12.")) == std::optional<std::string>("12."));  // numeric reads it
  CHECK_FALSE(zoho::decimal_text(json("1e")));
  CHECK_FALSE(zoho::decimal_text(json(true)));
  CHECK(zoho::decimal_text(json(12500.0)) == std::optional<std::string>("12500"));
}

TEST_CASE("item: per-location stock from locations[] or warehouses[]") {
  const json newer = json::parse(R"({"item_id": "1", "locations": [
      {"location_id": "101", "location_name": "Baghdad Main", "is_primary": true,
       "location_stock_on_hand": 7, "location_available_stock": "6.00"},
      {"location_id": 102, "location_name": "Basra", "is_primary": false,
       "location_stock_on_hand": 3, "location_available_stock": 3}]})");
  const auto locations = zoho::parse_item_locations(newer, "1");
  REQUIRE(locations.size() == 2);
  CHECK(locations[0].location_id == "101");
  CHECK(locations[0].name == "Baghdad Main");
  CHECK(locations[0].is_primary);
  CHECK(locations[0].stock_on_hand == std::optional<std::string>("7"));
  CHECK(locations[0].available_stock == std::optional<std::string>("6.00"));
  CHECK(locations[1].location_id == "102");

  const json older = json::parse(R"({"item_id": "2", "warehouses": [
      {"warehouse_id": "101", "warehouse_name": "Baghdad Main", "is_primary": true,
       "warehouse_stock_on_hand": 5, "warehouse_available_stock": 4}]})");
  const auto warehouses = zoho::parse_item_locations(older, "2");
  REQUIRE(warehouses.size() == 1);
  CHECK(warehouses[0].stock_on_hand == std::optional<std::string>("5"));
  CHECK(zoho::has_location_stock(older));
  CHECK_FALSE(zoho::has_location_stock(json::parse(R"({"item_id": "3"})")));
  CHECK(zoho::parse_item_locations(json::parse(R"({"item_id": "3", "locations": []})"), "3").empty());
}

TEST_CASE("item: a location without an id is a bad record") {
  const json record = json::parse(R"({"item_id": "1", "locations": [{"location_name": "X"}]})");
  CHECK_THROWS_AS(zoho::parse_item_locations(record, "1"), zoho::RecordError);
}

TEST_SUITE_END();
