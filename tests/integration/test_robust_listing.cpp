#include <doctest/doctest.h>

#include <algorithm>

#include "robust_support.hpp"

using namespace tshsync::test;
using namespace tshsync::test::robust;
using nlohmann::json;

namespace {

// A clean --full pull: the ERP holds the whole catalog.
void mirror(TestDatabase& db, const Standin& standin) {
  auto first = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
  REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
}

long long active_products(TestDatabase& db) {
  return db.count("SELECT count(*) FROM products WHERE is_active AND zoho_item_id IS NOT NULL");
}

// The audit catalog mirrored into a fresh ERP by a clean --full pull.
struct Mirrored {
  Standin standin{audit_catalog()};
  TestDatabase db;
  long long active = 0;

  Mirrored() {
    migrate(db);
    mirror(db, standin);
    active = active_products(db);
  }
};

// Fires on the first /items request so that the rules after it see the second one first.
const json kPassFirstRequest = {{"path", "/items"}, {"kind", "slow"}, {"delay_ms", 0}, {"count", 1}};

}  // namespace

TEST_SUITE("robust-listing") {
  TEST_CASE("a listing page served twice once (a cache): asked again, nothing skipped, nothing deactivated") {
    Mirrored m;
    auto& [standin, db, active] = m;

    set_faults(standin,
               json::array({kPassFirstRequest, {{"path", "/items"}, {"kind", "repeat_previous"}, {"count", 1}}}));
    auto r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    CHECK_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["deactivated"] == 0);
    CHECK(active_products(db) == active);
    CHECK(r.err.find("items of an earlier page") != std::string::npos);
  }

  TEST_CASE("a page that keeps coming back ends the run with 69 naming it, deactivating nothing") {
    Mirrored m;
    auto& [standin, db, active] = m;

    set_faults(standin, json::array({kPassFirstRequest, {{"path", "/items"}, {"kind", "repeat_previous"}}}));
    const long long calls_before = items_list_calls(standin);
    auto r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    CHECK_MESSAGE(r.exit_code == 69, describe(r));
    CHECK(r.err.find("page 1 of /items with the same items as an earlier page") != std::string::npos);
    CHECK(metrics_of(r)["deactivated"] == 0);
    CHECK(active_products(db) == active);
    CHECK(items_list_calls(standin) - calls_before <= 4);
  }

  TEST_CASE("has_more_page that stays true ends the run with 69 after a few calls, for items and price books") {
    Mirrored m;
    auto& [standin, db, active] = m;
    const json forever = {
        {"kind", "rewrite"}, {"find", "\"has_more_page\":false"}, {"replace", "\"has_more_page\":true"}};

    json items_rule = forever;
    items_rule["path"] = "/items";
    set_faults(standin, json::array({items_rule}));
    const long long calls_before = items_list_calls(standin);
    auto r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    CHECK_MESSAGE(r.exit_code == 69, describe(r));
    CHECK(metrics_of(r)["deactivated"] == 0);
    CHECK(active_products(db) == active);
    CHECK(items_list_calls(standin) - calls_before < 20);

    json books_rule = forever;
    books_rule["path"] = "/pricebooks";
    set_faults(standin, json::array({books_rule}));
    auto prices = run_tshsync(db, {"pull-prices"}, pull_env(standin));
    CHECK_MESSAGE(prices.exit_code == 69, describe(prices));
    CHECK(prices.err.find("claims more pages") != std::string::npos);
    CHECK(standin.admin_get("/_admin/stats")["by_endpoint"]["pricebooks_list"].get<long long>() < 5);
  }

  TEST_CASE(
      "an item listing longer than [zoho].max_list_pages ends with 69 naming the cap: pull-products, pull-stock") {
    Standin standin({"--catalog", "large", "--items", "2000", "--rate-limit", "0"});
    TempDir dir;
    dir.write("tshsync.toml", "[zoho]\nmax_list_pages = 3\n");
    Env env = pull_env(standin);
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    for (const std::string command : {"pull-products", "pull-stock"}) {
      CAPTURE(command);
      TestDatabase db;  // an empty ERP: the cap is the configured one
      migrate(db);
      const long long calls_before = items_list_calls(standin);
      auto r = run_tshsync(db, {command}, env);
      CHECK_MESSAGE(r.exit_code == 69, describe(r));
      CHECK(r.err.find("passed 3 pages") != std::string::npos);
      CHECK(items_list_calls(standin) - calls_before <= 4);
    }
  }

  TEST_CASE("[zoho].max_list_pages caps pull-prices' list of price books") {
    Mirrored m;
    auto& [standin, db, active] = m;
    // A second page of books: 201 in all. Percentage books, priced from their
    // list rows: an item-less per_item book would cost a detail and the
    // /items/pricebookrate calls each, which this test is not about.
    long long added = 0;
    for (auto n = standin.admin_get("/_admin/health")["pricebooks"].get<long long>(); n < 201; ++n, ++added)
      standin.admin_post(
          "/_admin/pricebooks/9000000000" + std::to_string(10000 + n),
          {{"name", "Extra " + std::to_string(n)}, {"pricebook_type", "fixed_percentage"}, {"percentage", 5}});
    TempDir dir;
    dir.write("tshsync.toml", "[zoho]\nmax_list_pages = 1\n");
    Env env = pull_env(standin);
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    auto r = run_tshsync(db, {"pull-prices"}, env);
    CHECK_MESSAGE(r.exit_code == 69, describe(r));
    CHECK(r.err.find("/pricebooks listing passed 1 pages") != std::string::npos);
    CHECK(standin.admin_get("/_admin/stats")["by_endpoint"]["pricebooks_list"] == 1);
    CHECK(metrics_of(r)["pricebooks"] == 0);

    env.erase("TSHSYNC_CONFIG");  // the default cap: the same listing is read whole
    auto whole = run_tshsync(db, {"pull-prices"}, env);
    CHECK_MESSAGE(whole.exit_code == 0, describe(whole));
    CHECK(standin.admin_get("/_admin/stats")["by_endpoint"]["pricebooks_list"] == 3);
    CHECK(metrics_of(whole)["pricebooks"].get<long long>() >= added);
  }

  TEST_CASE("an item renamed during a page-number --full listing: nothing deactivated, said so, exit 2") {
    Mirrored m;
    auto& [standin, db, active] = m;
    // The first item by name moves to the end after page 1 is served: every
    // later item shifts up one place and one of them is never listed.
    json items = export_items(standin);
    const auto first = std::min_element(items.begin(), items.end(), [](const json& a, const json& b) {
      return a["name"].get<std::string>() < b["name"].get<std::string>();
    });
    const std::string moved = (*first)["item_id"];

    set_faults(standin,
               json::array({
                   {{"path", "/items"}, {"kind", "status"}, {"status", 400}, {"count", 1}},  // refuses the sort
                   {{"path", "/items"},
                    {"kind", "patch_item"},
                    {"item_id", moved},
                    {"patch", {{"name", "~renamed during the listing"}}},
                    {"count", 1}},
               }));
    auto r = run_tshsync(db, {"pull-products", "--full"}, pull_env(standin));
    CHECK_MESSAGE(r.exit_code == 2, describe(r));
    const json metrics = metrics_of(r);
    CHECK(metrics["deactivated"] == 0);
    CHECK(metrics.value("listing_distrusted", false));
    CHECK(r.err.find("deactivated nothing") != std::string::npos);
    CHECK(r.err.find(moved) != std::string::npos);
    CHECK(active_products(db) == active);
  }
}
