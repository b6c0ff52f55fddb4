#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <tshsync/zoho/envelope.hpp>
#include <tshsync/zoho/json_elements.hpp>
#include <tshsync/zoho/pricebook.hpp>

namespace zoho = tshsync::zoho;
using nlohmann::json;

TEST_SUITE_BEGIN("zoho");

namespace {

const std::string kDetail = R"({"code": 0, "message": "success",
  "pricebook": {"pricebook_id": "7", "name": "Wholesale",
    "pricebook_items": [
      {"item_id": "1", "pricebook_rate": 10, "price_brackets": [{"start_quantity": 1, "pricebook_rate": 10}]},
      "not an object",
      [1, 2],
      {"item_id": "2", "pricebook_rate": 20, "pricebook_items": ["nested, not the target"]}
    ],
    "other_list": [1, 2, 3]},
  "pricebook_items": ["at the root: not the target"]})";

std::vector<json> elements_of(const std::string& text) {
  std::vector<json> seen;
  zoho::for_each_element(text, zoho::kPricebookItemsPath, [&](const json& e) { seen.push_back(e); });
  return seen;
}

}  // namespace

TEST_CASE("json elements: the envelope comes without the big array's elements, everything else intact") {
  const json envelope = zoho::parse_without_elements(kDetail, {"pricebook", "pricebook_items"});
  CHECK(envelope["code"] == 0);
  CHECK(envelope["pricebook"]["name"] == "Wholesale");
  CHECK(envelope["pricebook"]["pricebook_items"] == json::array());
  CHECK(envelope["pricebook"]["other_list"] == json::parse("[1, 2, 3]"));
  CHECK(envelope["pricebook_items"].size() == 1);
}

TEST_CASE("json elements: each element in order, whatever its kind, nested lists left inside it") {
  const std::vector<json> seen = elements_of(kDetail);
  REQUIRE(seen.size() == 4);
  CHECK(seen[0]["item_id"] == "1");
  CHECK(seen[0]["price_brackets"].size() == 1);
  CHECK(seen[1] == "not an object");
  CHECK(seen[2] == json::parse("[1, 2]"));
  CHECK(seen[3]["pricebook_items"].size() == 1);
}

TEST_CASE("json elements: no array at the path, or not an array there, gives no elements") {
  CHECK(elements_of(R"({"code": 0, "pricebook": {"name": "X"}})").empty());
  CHECK(elements_of(R"({"code": 0, "pricebook": {"pricebook_items": {"item_id": "1"}}})").empty());
  CHECK(elements_of(R"({"code": 0, "pricebook": {"pricebook_items": []}})").empty());
  const json envelope =
      zoho::parse_without_elements(R"({"pricebook": {"pricebook_items": {"a": 1}}})", zoho::kPricebookItemsPath);
  CHECK(envelope["pricebook"]["pricebook_items"]["a"] == 1);
}

TEST_CASE("json elements: bad text fails as json::parse does, a cut body at its end") {
  const std::string cut = kDetail.substr(0, kDetail.size() / 2);
  try {
    (void)zoho::parse_without_elements(cut, zoho::kPricebookItemsPath);
    FAIL("a cut body parsed");
  } catch (const json::parse_error& e) {
    CHECK(e.byte >= cut.size());
  }
  CHECK_THROWS_AS(elements_of("{\"pricebook\": {\"pricebook_items\": [1, }}"), json::parse_error);
}

TEST_CASE("json elements: a parsed array is read the same way; an absent one reads as no array") {
  const json array = json::parse(R"([{"item_id": "1"}, {"item_id": "2"}])");
  const zoho::JsonElements parsed(array);
  CHECK(parsed.is_array());
  int count = 0;
  parsed.for_each([&](const json&) { ++count; });
  CHECK(count == 2);
  const json object = json::object();
  CHECK_FALSE(zoho::JsonElements(object).is_array());
  CHECK_FALSE(zoho::JsonElements().is_array());
  const json envelope = zoho::parse_without_elements(kDetail, zoho::kPricebookItemsPath);
  const zoho::JsonElements in_text(kDetail, envelope, zoho::kPricebookItemsPath);
  CHECK(in_text.is_array());
  CHECK_FALSE(zoho::JsonElements(kDetail, json::parse(R"({"pricebook": {}})"), zoho::kPricebookItemsPath).is_array());
  count = 0;
  in_text.for_each([&](const json&) { ++count; });
  CHECK(count == 4);
}

TEST_CASE("envelope with a big array: checked whole, returned without the array's elements") {
  const auto ok = zoho::check_api_response(200, "application/json", kDetail, &zoho::kPricebookItemsPath);
  CHECK(ok.verdict == zoho::ApiVerdict::ok);
  CHECK(ok.body["pricebook"]["pricebook_items"].empty());
  const auto cut =
      zoho::check_api_response(200, "application/json", kDetail.substr(0, 120), &zoho::kPricebookItemsPath);
  CHECK(cut.verdict == zoho::ApiVerdict::retry);
  CHECK(cut.reason == "HTTP 200 with truncated JSON");
}

namespace {

// A list page whose rows each carry their own items (GET /pricebooks as Books documents it).
const std::string kListPage = R"({"code": 0, "pricebooks": [
    {"pricebook_id": "1", "pricebook_items": [{"item_id": "a"}, {"item_id": "b"}], "tags": [[1], 2]},
    {"pricebook_id": "2", "pricebook_items": []},
    {"pricebook_id": "3"},
    {"pricebook_id": "4", "pricebook_items": [{"item_id": "c", "price_brackets": [{"pricebook_rate": 1}]}]}
  ], "page_context": {"has_more_page": false}})";

std::vector<std::string> row_item_ids(const json& envelope, size_t row) {
  std::vector<std::string> ids;
  zoho::JsonElements(kListPage, envelope, {"pricebooks", zoho::element_step(row), "pricebook_items"})
      .for_each([&](const json& e) { ids.push_back(e["item_id"].get<std::string>()); });
  return ids;
}

}  // namespace

TEST_CASE("json elements: the arrays of every row of a list, then one row's elements by its index") {
  const json envelope = zoho::parse_without_elements(kListPage, {"pricebooks", zoho::kAnyElement, "pricebook_items"});
  REQUIRE(envelope["pricebooks"].size() == 4);
  CHECK(envelope["pricebooks"][0]["pricebook_items"] == json::array());
  CHECK(envelope["pricebooks"][0]["tags"] == json::parse("[[1], 2]"));
  CHECK(envelope["pricebooks"][3]["pricebook_items"] == json::array());
  CHECK_FALSE(envelope["pricebooks"][2].contains("pricebook_items"));
  CHECK(row_item_ids(envelope, 0) == std::vector<std::string>{"a", "b"});
  CHECK(row_item_ids(envelope, 1).empty());
  CHECK(row_item_ids(envelope, 2).empty());
  CHECK(row_item_ids(envelope, 3) == std::vector<std::string>{"c"});
  CHECK(row_item_ids(envelope, 4).empty());  // no such row
  CHECK(zoho::JsonElements(kListPage, envelope, {"pricebooks", zoho::element_step(1), "pricebook_items"}).is_array());
  CHECK_FALSE(
      zoho::JsonElements(kListPage, envelope, {"pricebooks", zoho::element_step(2), "pricebook_items"}).is_array());
}

TEST_SUITE_END();
