#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <tshsync/webhooks/event_route.hpp>

using namespace tshsync::webhooks;
using nlohmann::json;

TEST_SUITE_BEGIN("webhooks");

namespace {
const ReplayTargets kTargets{{"invoice.*", "http://127.0.0.1:8000/api/zoho/sync-invoices"},
                             {"contact.*", "http://127.0.0.1:8000/api/zoho/sync-customers"},
                             {"*", "http://127.0.0.1:8000/api/zoho/catch-all"}};
}  // namespace

TEST_CASE("target_for: the first matching glob in file order") {
  CHECK(target_for("invoice.create", kTargets) == "http://127.0.0.1:8000/api/zoho/sync-invoices");
  CHECK(target_for("contact.delete", kTargets) == "http://127.0.0.1:8000/api/zoho/sync-customers");
  CHECK(target_for("bill.create", kTargets) == "http://127.0.0.1:8000/api/zoho/catch-all");
  CHECK_FALSE(target_for("bill.create", {{"invoice.*", "u"}}).has_value());
  CHECK(target_for("bill.create", {{"bill.?reate", "u"}}) == "u");
  CHECK_FALSE(target_for("invoice.create", {}).has_value());
}

TEST_CASE("route_event: item events are re-fetched by id, whatever else the payload says") {
  const auto r = route_event("item.update", json{{"item", {{"item_id", "4815000001000001"}, {"rate", 1}}}}, kTargets);
  CHECK(r.action == ReplayAction::refetch_item);
  CHECK(r.record_id == "4815000001000001");
  CHECK(route_event("item.create", json{{"item_id", 4815000001000001ULL}}, kTargets).record_id == "4815000001000001");
  CHECK(route_event("Item.Delete", json{{"data", {{"item", {{"item_id", "77"}}}}}}, kTargets).action ==
        ReplayAction::refetch_item);
  SUBCASE("no id: for a human, even with a catch-all target") {
    const auto none = route_event("item.update", json{{"item", {{"name", "Product 1"}}}}, kTargets);
    CHECK(none.action == ReplayAction::needs_human);
    CHECK(none.reason.find("item_id") != std::string::npos);
  }
  SUBCASE("an id that is not a Zoho id cannot steer the request path") {
    CHECK(route_event("item.update", json{{"item_id", "../settings"}}, kTargets).action == ReplayAction::needs_human);
  }
}

TEST_CASE("route_event: stock and price list events") {
  const json adjustment{
      {"inventory_adjustment",
       {{"inventory_adjustment_id", "4815000000090001"},
        {"line_items", json::array({{{"item_id", "11"}}, {{"item_id", "12"}}, {{"item_id", "11"}}})}}}};
  const auto r = route_event("inventoryadjustment.create", adjustment, kTargets);
  CHECK(r.action == ReplayAction::refresh_stock);
  CHECK(r.item_ids == std::vector<std::string>{"11", "12"});
  CHECK(r.record_id == "4815000000090001");
  CHECK(route_event("inventoryadjustment.create", json{{"inventory_adjustment_id", "9"}}, kTargets).item_ids.empty());
  CHECK(route_event("inventoryadjustment.create", json{{"x", 1}}, kTargets).action == ReplayAction::needs_human);
  CHECK(route_event("pricebook.update", json{{"pricebook", {{"pricebook_id", "70001"}}}}, kTargets).action ==
        ReplayAction::refresh_pricebook);
  CHECK(route_event("pricelist.update", json{{"pricebook_id", "70001"}}, kTargets).record_id == "70001");
}

TEST_CASE("route_event: other events are redelivered to their target") {
  const auto r = route_event("invoice.create", json{{"invoice", {{"invoice_id", "4815000000200001"}}}}, kTargets);
  CHECK(r.action == ReplayAction::redeliver);
  CHECK(r.target_url == "http://127.0.0.1:8000/api/zoho/sync-invoices");
  SUBCASE("without a matching target: for a human") {
    const auto none = route_event("bill.create", json{{"bill", {{"bill_id", "1"}}}}, {{"invoice.*", "u"}});
    CHECK(none.action == ReplayAction::needs_human);
    CHECK(none.reason.find("[replay.targets]") != std::string::npos);
  }
  SUBCASE("without the record's id: for a human") {
    const auto none = route_event("invoice.create", json{{"invoice", {{"total", 25000}}}}, kTargets);
    CHECK(none.action == ReplayAction::needs_human);
    CHECK(none.reason.find("invoice_id") != std::string::npos);
  }
  SUBCASE("payments name their record payment_id") {
    CHECK(route_event("customerpayment.create", json{{"payment", {{"payment_id", "5"}}}}, kTargets).action ==
          ReplayAction::redeliver);
  }
  SUBCASE("types without a module need only a target") {
    CHECK(route_event("test", json{{"raw", "test"}}, kTargets).action == ReplayAction::redeliver);
    CHECK(route_event("test", json{{"raw", "test"}}, {{"invoice.*", "u"}}).action == ReplayAction::needs_human);
  }
}

TEST_CASE("route_event: signature failures are never re-signed, even with a catch-all target") {
  for (const char* type : {"signature_missing", "signature_invalid"}) {
    const auto r = route_event(type, json{{"invoice", {{"invoice_id", "1"}}}}, kTargets);
    CHECK(r.action == ReplayAction::needs_human);
    CHECK(r.reason.find("signature") != std::string::npos);
  }
}

TEST_CASE("route_event: an empty payload is for a human") {
  CHECK(route_event("invoice.create", std::nullopt, kTargets).action == ReplayAction::needs_human);
  CHECK(route_event("item.update", json(nullptr), kTargets).action == ReplayAction::needs_human);
}

TEST_CASE("route_event: a recorded signature failure waits for a human whatever the event type") {
  const json payload{{"invoice", {{"invoice_id", "91"}}}};
  CHECK(route_event("invoice.created", payload, kTargets, "invalid signature").action == ReplayAction::needs_human);
  CHECK(route_event("item.update", json{{"item", {{"item_id", "1"}}}}, kTargets, "missing X-Zoho-Signature header")
            .action == ReplayAction::needs_human);
  CHECK(route_event("invoice.created", payload, kTargets, "HMAC mismatch").action == ReplayAction::needs_human);
  CHECK(route_event("invoice.created", payload, kTargets, "receiver failed").action == ReplayAction::redeliver);
}

TEST_SUITE_END();
