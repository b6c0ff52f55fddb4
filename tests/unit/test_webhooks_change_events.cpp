#include <doctest/doctest.h>

#include <tshsync/webhooks/change_events.hpp>

using namespace tshsync::webhooks;
using nlohmann::json;

TEST_SUITE("webhooks change events") {
  TEST_CASE("item events name their item; other kinds' events are not read") {
    ChangedRecords items;
    add_change_event(ChangeKind::items, "item.update", {{"item", {{"item_id", "4815000000044001"}}}}, items);
    add_change_event(ChangeKind::items, "Item.Create", {{"item_id", 4815000000044002}}, items);
    add_change_event(ChangeKind::items, "item.update", {{"item", {{"item_id", "4815000000044001"}}}}, items);
    add_change_event(ChangeKind::items, "invoice.create", {{"invoice", {{"invoice_id", "1"}}}}, items);
    add_change_event(ChangeKind::items, "item.delete", {{"item", {{"name", "no id"}}}}, items);
    CHECK(items.events == 4);
    CHECK(items.unusable == 1);
    CHECK(items.ids == std::set<std::string>{"4815000000044001", "4815000000044002"});
  }

  TEST_CASE("stock: an adjustment's line items, or the adjustment itself when it names none") {
    ChangedRecords stock;
    add_change_event(
        ChangeKind::stock, "inventoryadjustment.create",
        {{"inventory_adjustment",
          {{"inventory_adjustment_id", "9"}, {"line_items", json::array({{{"item_id", "11"}}, {{"item_id", "12"}}})}}}},
        stock);
    add_change_event(ChangeKind::stock, "inventoryadjustment.update",
                     {{"inventory_adjustment", {{"inventory_adjustment_id", "10"}}}}, stock);
    add_change_event(ChangeKind::stock, "item.update", {{"item", {{"item_id", "13"}}}}, stock);
    CHECK(stock.events == 2);
    CHECK(stock.ids == std::set<std::string>{"11", "12"});
    CHECK(stock.adjustments == std::set<std::string>{"10"});
  }

  TEST_CASE("price lists: pricebook and pricelist events; a forged id is never used") {
    ChangedRecords prices;
    add_change_event(ChangeKind::prices, "pricebook.update", {{"pricebook", {{"pricebook_id", "70001"}}}}, prices);
    add_change_event(ChangeKind::prices, "pricelist.update", {{"pricelist", {{"pricelist_id", "70002"}}}}, prices);
    add_change_event(ChangeKind::prices, "pricebook.update", {{"pricebook", {{"pricebook_id", "../items"}}}}, prices);
    CHECK(prices.events == 3);
    CHECK(prices.unusable == 1);
    CHECK(prices.ids == std::set<std::string>{"70001", "70002"});
  }
}
