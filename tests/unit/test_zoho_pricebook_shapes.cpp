#include <doctest/doctest.h>

#include <tshsync/zoho/item.hpp>
#include <tshsync/zoho/pricebook.hpp>

namespace zoho = tshsync::zoho;
using nlohmann::json;

TEST_SUITE_BEGIN("zoho");

TEST_CASE("pricebook item: pricebook_discount in both of Zoho's spellings") {
  CHECK(zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22,"pricebook_discount":"5%"})"))
            .discount == "5");
  CHECK(zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22,"pricebook_discount":"10"})"))
            .discount == "10");
  CHECK(zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22,"pricebook_discount":2.5})"))
            .discount == "2.5");
  CHECK(zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22,"pricebook_discount":""})"))
            .discount == "0");
  CHECK(zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22})")).discount == "0");
  CHECK_THROWS_AS(
      zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22,"pricebook_discount":"abc"})")),
      zoho::RecordError);
  CHECK_THROWS_AS(
      zoho::parse_pricebook_item(json::parse(R"({"item_id":"1","pricebook_rate":22,"pricebook_discount":"100%"})")),
      zoho::RecordError);
}

TEST_CASE("pricebook item: a unit row with Zoho's one 0..0 bracket is a unit price") {
  const auto unit = zoho::parse_pricebook_item(json::parse(R"({
      "item_id":"2646610000066650802","pricebook_rate":22,"pricing_scheme":"unit",
      "price_brackets":[{"start_quantity":0,"end_quantity":0,"pricebook_rate":22}]})"));
  CHECK(unit.rate == "22");
  CHECK_FALSE(unit.brackets.has_value());
  // Without a scheme, one 0..0 bracket is still no volume pricing.
  const auto bare = zoho::parse_pricebook_item(json::parse(R"({
      "item_id":"1","pricebook_rate":3,"price_brackets":[{"start_quantity":"0","end_quantity":"0","pricebook_rate":3}]})"));
  CHECK_FALSE(bare.brackets.has_value());
  // Real brackets are volume pricing, and take the first bracket's discount.
  const auto volume = zoho::parse_pricebook_item(json::parse(R"({
      "item_id":"1","pricebook_rate":9,"pricebook_discount":"5%",
      "price_brackets":[{"start_quantity":10,"end_quantity":0,"pricebook_rate":8},
                        {"start_quantity":1,"end_quantity":9,"pricebook_rate":9,"pricebook_discount":"10%"}]})"));
  CHECK(volume.brackets.has_value());
  CHECK(volume.rate == "9");
  CHECK(volume.discount == "10");
}

TEST_SUITE_END();
