#include <doctest/doctest.h>

#include <algorithm>

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

  TEST_CASE("webhook_logs: a type that is not <entity>.<action> is counted as unknown, never read as a change") {
    ChangedRecords items;
    add_change_event(ChangeKind::items, "", {{"item", {{"item_id", "11"}}}}, items);
    add_change_event(ChangeKind::items, "itemupdated", {{"item", {{"item_id", "12"}}}}, items);
    add_change_event(ChangeKind::items, ".update", {{"item", {{"item_id", "13"}}}}, items);
    add_change_event(ChangeKind::items, "contact.update", {{"contact", {{"contact_id", "14"}}}}, items);
    CHECK(items.events == 0);
    CHECK(items.unknown_types == 3);
    CHECK(items.ids.empty());
  }

  TEST_CASE("tds_inbox_events: the row's source_entity_id names the record, in either case of entity type") {
    ChangedRecords items;
    add_inbox_event(ChangeKind::items, "product", "4815000000044001", {{"item_id", "4815000000044001"}}, items);
    add_inbox_event(ChangeKind::items, "PRODUCT", "4815000000044002", json::object(), items);
    // The receiver's placeholder: the payload (the item itself) may still name it.
    add_inbox_event(ChangeKind::items, "product", "unknown", {{"item_id", "4815000000044003"}}, items);
    add_inbox_event(ChangeKind::items, "product", "unknown", json::object(), items);
    add_inbox_event(ChangeKind::items, "product", "../items", json::object(), items);
    add_inbox_event(ChangeKind::items, "invoice", "99", json::object(), items);
    add_inbox_event(ChangeKind::items, "price_list", "70001", json::object(), items);
    add_inbox_event(ChangeKind::items, "gadget", "77", json::object(), items);
    CHECK(items.events == 5);
    CHECK(items.unusable == 2);
    CHECK(items.unknown_types == 1);
    CHECK(items.ids == std::set<std::string>{"4815000000044001", "4815000000044002", "4815000000044003"});
  }

  TEST_CASE("tds_inbox_events: a stock event's line items, else its adjustment; a price-list event its book") {
    ChangedRecords stock;
    add_inbox_event(ChangeKind::stock, "stock_adjustment", "9",
                    {{"inventory_adjustment_id", "9"}, {"line_items", json::array({{{"item_id", "11"}}})}}, stock);
    add_inbox_event(ChangeKind::stock, "STOCK", "10", json::object(), stock);
    add_inbox_event(ChangeKind::stock, "product", "12", json::object(), stock);
    CHECK(stock.events == 2);
    CHECK(stock.ids == std::set<std::string>{"11"});
    CHECK(stock.adjustments == std::set<std::string>{"10"});

    ChangedRecords prices;
    add_inbox_event(ChangeKind::prices, "price_list", "70001", json::object(), prices);
    add_inbox_event(ChangeKind::prices, "PRICE", "unknown", {{"pricebook_id", "70002"}}, prices);
    add_inbox_event(ChangeKind::prices, "USER", "5", json::object(), prices);
    CHECK(prices.events == 2);
    CHECK(prices.unknown_types == 0);
    CHECK(prices.ids == std::set<std::string>{"70001", "70002"});
  }

  TEST_CASE("the inbox types a kind does not read are the other kinds' and the ERP's other entities'") {
    const auto& not_items = inbox_types_not_read(ChangeKind::items);
    CHECK(std::count(not_items.begin(), not_items.end(), "product") == 0);
    CHECK(std::count(not_items.begin(), not_items.end(), "stock_adjustment") == 1);
    CHECK(std::count(not_items.begin(), not_items.end(), "price") == 1);
    CHECK(std::count(not_items.begin(), not_items.end(), "payment") == 1);
  }
}
