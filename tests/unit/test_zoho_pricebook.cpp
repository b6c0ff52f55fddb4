#include <doctest/doctest.h>

#include <tshsync/zoho/item.hpp>
#include <tshsync/zoho/pricebook.hpp>

namespace zoho = tshsync::zoho;
using nlohmann::json;

TEST_SUITE_BEGIN("zoho");

TEST_CASE("pricebook: per_item book summary") {
  const auto book = zoho::parse_pricebook(json::parse(R"({
      "pricebook_id": "4815000000070001", "name": "Consumer", "currency_id": "11", "currency_code": "IQD",
      "decimal_place": 0, "status": "active", "is_default": true, "sales_or_purchase_type": "sales",
      "pricebook_type": "per_item", "percentage": 0, "is_increase": false, "rounding_type": "no_rounding"})"));
  CHECK(book.pricebook_id == "4815000000070001");
  CHECK(book.name == "Consumer");
  CHECK(book.currency_code == "IQD");
  CHECK(book.decimal_place == 0);
  CHECK(book.active);
  CHECK(book.sales);
  CHECK(book.type == zoho::PricebookType::per_item);
}

TEST_CASE("pricebook: fixed_percentage, inactive, purchases") {
  const auto book = zoho::parse_pricebook(json::parse(R"({
      "pricebook_id": 4815000000070002, "name": "Wholesale -10%", "currency_code": "",
      "status": "inactive", "sales_or_purchase_type": "purchases", "pricebook_type": "fixed_percentage",
      "percentage": 12.5, "is_increase": true, "rounding_type": "round_to_dollar"})"));
  CHECK(book.pricebook_id == "4815000000070002");
  CHECK(book.currency_code.empty());
  CHECK(book.decimal_place == 2);
  CHECK_FALSE(book.active);
  CHECK_FALSE(book.sales);
  CHECK(book.type == zoho::PricebookType::fixed_percentage);
  CHECK(book.percentage == "12.5");
  CHECK(book.is_increase);
  CHECK(book.rounding_type == "round_to_dollar");
}

TEST_CASE("pricebook: unusable books throw RecordError") {
  CHECK_THROWS_AS(zoho::parse_pricebook(json::parse(R"({"name": "X"})")), zoho::RecordError);
  // A list entry may lack the percentage: the detail has it, and applying checks it.
  CHECK(zoho::parse_pricebook(json::parse(R"({"pricebook_id": "1", "name": "X",
      "pricebook_type": "fixed_percentage"})"))
            .percentage.empty());
  const auto unknown = zoho::parse_pricebook(json::parse(R"({"pricebook_id": "1", "name": "X",
      "pricebook_type": "tiered"})"));
  CHECK(unknown.type == zoho::PricebookType::unknown);
  CHECK(unknown.type_name == "tiered");
}

TEST_CASE("pricebook item: unit rate") {
  const auto row = zoho::parse_pricebook_item(
      json::parse(R"({"item_id": "7", "pricebook_rate": 12750.5, "pricing_scheme": "unit"})"));
  CHECK(row.item_id == "7");
  CHECK(row.rate == "12750.5");
  CHECK_FALSE(row.brackets.has_value());
}

TEST_CASE("pricebook item: volume pricing takes the lowest bracket's rate and keeps all brackets") {
  const auto row = zoho::parse_pricebook_item(json::parse(R"({"item_id": "7", "pricebook_rate": 1,
      "pricing_scheme": "volume", "price_brackets": [
        {"start_quantity": 10, "end_quantity": 49, "pricebook_rate": 11750},
        {"start_quantity": 1, "end_quantity": 9, "pricebook_rate": 12500}]})"));
  CHECK(row.rate == "12500");
  REQUIRE(row.brackets.has_value());
  CHECK(json::parse(*row.brackets).size() == 2);
}

TEST_CASE("pricebook item: bad rows throw with the item id") {
  try {
    zoho::parse_pricebook_item(json::parse(R"({"item_id": "7", "pricebook_rate": "abc"})"));
    FAIL("no throw");
  } catch (const zoho::RecordError& e) {
    CHECK(e.record_id() == "7");
  }
  CHECK_THROWS_AS(zoho::parse_pricebook_item(json::parse(R"({"item_id": "7", "pricing_scheme": "volume"})")),
                  zoho::RecordError);
  CHECK_THROWS_AS(zoho::parse_pricebook_item(json::parse(R"({"item_id": "7"})")), zoho::RecordError);
  // Decimal text too large for a double is a bad row, not a failed run.
  CHECK_THROWS_AS(zoho::parse_pricebook_item(json::parse(R"({"item_id": "7", "pricing_scheme": "volume",
      "price_brackets": [{"start_quantity": "1e999", "pricebook_rate": 5}]})")),
                  zoho::RecordError);
}

TEST_SUITE_END();
