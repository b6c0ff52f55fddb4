#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <tshsync/webhooks/payload_ids.hpp>

using namespace tshsync::webhooks;
using nlohmann::json;

TEST_SUITE_BEGIN("webhooks");

TEST_CASE("find_record_id is lenient about where the id sits") {
  CHECK(find_record_id(json{{"item", {{"item_id", "1"}}}}, "item", "item_id") == "1");
  CHECK(find_record_id(json{{"item_id", "2"}}, "item", "item_id") == "2");
  CHECK(find_record_id(json{{"data", {{"item_id", "3"}}}}, "item", "item_id") == "3");
  CHECK(find_record_id(json{{"payload", {{"item", {{"item_id", "4"}}}}}}, "item", "item_id") == "4");
  CHECK(find_record_id(json{{"item_id", 5}}, "item", "item_id") == "5");
  SUBCASE("JSON held in a string, as form-encoded ${JSONString} arrives") {
    CHECK(find_record_id(json{{"JSONString", R"({"item":{"item_id":"6"}})"}}, "item", "item_id") == "6");
    CHECK(find_record_id(json(R"({"item_id":"7"})"), "item", "item_id") == "7");
    CHECK(find_record_id(json{{"item", R"({"item_id":"8"})"}}, "item", "item_id") == "8");
  }
  SUBCASE("the record's own id wins over a top-level one") {
    CHECK(find_record_id(json{{"item_id", "top"}, {"item", {{"item_id", "inner"}}}}, "item", "item_id") == "inner");
  }
  SUBCASE("nothing usable") {
    CHECK_FALSE(find_record_id(json{{"item", {{"name", "x"}}}}, "item", "item_id").has_value());
    CHECK_FALSE(find_record_id(json{{"item_id", ""}}, "item", "item_id").has_value());
    CHECK_FALSE(find_record_id(json{{"item_id", "1/2"}}, "item", "item_id").has_value());
    CHECK_FALSE(find_record_id(json{{"item_id", -3}}, "item", "item_id").has_value());
    CHECK_FALSE(find_record_id(json{{"item_id", nullptr}}, "item", "item_id").has_value());
    CHECK_FALSE(find_record_id(json::array({1, 2}), "item", "item_id").has_value());
    CHECK_FALSE(find_record_id(json("not json"), "item", "item_id").has_value());
  }
}

TEST_CASE("find_line_item_ids") {
  const json adj{
      {"inventory_adjustment",
       {{"line_items", json::array({{{"item_id", "1"}}, {{"item_id", 2}}, {{"name", "x"}}, {{"item_id", "1"}}})}}}};
  CHECK(find_line_item_ids(adj, "inventory_adjustment") == std::vector<std::string>{"1", "2"});
  CHECK(find_line_item_ids(json{{"line_items", json::array({{{"item_id", "9"}}})}}, "inventory_adjustment") ==
        std::vector<std::string>{"9"});
  CHECK(find_line_item_ids(json{{"x", 1}}, "inventory_adjustment").empty());
}

TEST_CASE("is_zoho_id") {
  CHECK(is_zoho_id("4815000001000001"));
  CHECK(is_zoho_id("abc123"));
  CHECK_FALSE(is_zoho_id(""));
  CHECK_FALSE(is_zoho_id("a b"));
  CHECK_FALSE(is_zoho_id("..%2f"));
  CHECK_FALSE(is_zoho_id(std::string(41, '1')));
}

TEST_SUITE_END();
