// The incremental pulls' change feed (webhook_logs), the nightly backstop,
// the fallback to listing when webhooks stop, and the per-command share of
// [zoho].daily_call_budget (issue 13).
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <string>
#include <vector>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

constexpr int kItems = 500;  // a listing of 3 pages

struct Mirrored {
  Standin standin;
  TestDatabase db;
  Env env;
  TempDir dir;

  explicit Mirrored(const std::string& product)
      : standin(product == "books" ? std::vector<std::string>{"--catalog", "large", "--items", std::to_string(kItems),
                                                              "--rate-limit", "0", "--books-items", "documented"}
                                   : std::vector<std::string>{"--catalog", "large", "--items", std::to_string(kItems),
                                                              "--rate-limit", "0"}) {
    migrate(db);
    env = standin.zoho_env();
    env["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
    env["ZOHO_PRODUCT"] = product;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"pull-products", "--full"}, {"pull-stock", "--full"}, {"pull-prices", "--full"}}) {
      auto r = run_tshsync(db, args, env);
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    }
    // The first listings started each command's change feed.
    REQUIRE(db.count("SELECT count(*) FROM tshsync_state WHERE key LIKE '%.feed' AND value ? 'at'") == 3);
    // The ERP receives webhooks: the feed is live.
    webhook("invoice.create", json{{"invoice", {{"invoice_id", "4815000000200001"}}}});
  }

  // A row as the ERP's receiver logs it.
  void webhook(const std::string& type, const json& payload, const std::string& age = "0 seconds") {
    db.exec(
        "INSERT INTO webhook_logs (event_id, event_type, status, payload, created_at) VALUES ('evt-' || "
        "gen_random_uuid(), '" +
        type + "', 'success', '" + payload.dump() + "'::jsonb, now() - interval '" + age + "')");
  }

  std::vector<std::string> active_items(size_t count) {
    std::vector<std::string> ids;
    pqxx::work tx(db.conn());
    for (const auto& row : tx.exec_params("SELECT zoho_item_id FROM products WHERE is_active ORDER BY id LIMIT $1",
                                          static_cast<int>(count)))
      ids.push_back(row[0].as<std::string>());
    return ids;
  }

  void rename(const std::string& item_id, const std::string& name) {
    standin.admin_post("/_admin/items/" + item_id, {{"name", name}});
  }

  ProcessResult run(const std::vector<std::string>& args, const std::string& config = "") {
    Env e = env;
    if (!config.empty()) {
      dir.write("tshsync.toml", config);
      e["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    }
    standin.admin_post("/_admin/stats/reset");
    return run_tshsync(db, args, e);
  }

  long long endpoint_calls(const std::string& endpoint) {
    return standin.admin_get("/_admin/stats")["by_endpoint"][endpoint].get<long long>();
  }

  std::string name_of(const std::string& item_id) {
    return db.text("SELECT name FROM products WHERE zoho_item_id = '" + item_id + "'");
  }
};

json item_event(const std::string& id) { return {{"item", {{"item_id", id}}}}; }

// A per_item book and one item it prices.
std::pair<std::string, std::string> priced_entry(Mirrored& m) {
  const json books = m.standin.admin_get("/_admin/export")["pricebooks"];
  for (const auto& book : books) {
    if (book["pricebook_type"] != "per_item" || book["status"] != "active") continue;
    for (const auto& entry : book["pricebook_items"]) {
      const std::string item = entry["item_id"];
      if (m.db.count("SELECT count(*) FROM product_prices pp JOIN products p ON p.id = pp.product_id "
                     "JOIN pricelists l ON l.id = pp.pricelist_id WHERE p.zoho_item_id = '" +
                     item + "' AND l.zoho_pricebook_id = '" + book["pricebook_id"].get<std::string>() + "'") == 1)
        return {book["pricebook_id"], item};
    }
  }
  FAIL("no per_item book with a priced item");
  return {};
}

}  // namespace

TEST_SUITE("change feed") {
  TEST_CASE("Inventory: item, stock and price-list webhooks are re-fetched by id, 100 items a call; no listing") {
    Mirrored m("inventory");
    const auto ids = m.active_items(3);
    for (size_t i = 0; i < ids.size(); ++i) {
      m.rename(ids[i], "Renamed by the feed " + std::to_string(i));
      m.webhook("item.update", item_event(ids[i]));
    }
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    json metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["feed_events"] == 3);
    CHECK(metrics["updated"] == 3);
    CHECK(metrics["api_calls"] == 1);  // one GET /itemdetails for the three
    CHECK(m.endpoint_calls("itemdetails") == 1);
    CHECK(m.endpoint_calls("items_list") == 0);
    CHECK(m.name_of(ids[2]) == "Renamed by the feed 2");

    // Stock: an inventory adjustment names its items.
    m.standin.admin_post("/_admin/items/" + ids[0], {{"stock_on_hand", 4321}});
    m.standin.admin_post("/_admin/items/" + ids[1], {{"stock_on_hand", 1234}});
    m.webhook("inventoryadjustment.create",
              {{"inventory_adjustment",
                {{"inventory_adjustment_id", "4815000000900001"},
                 {"line_items", json::array({{{"item_id", ids[0]}}, {{"item_id", ids[1]}}})}}}});
    r = m.run({"pull-stock"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["updated"] == 2);
    CHECK(metrics["api_calls"] == 1);
    CHECK(m.endpoint_calls("items_list") == 0);
    CHECK(m.db.count("SELECT stock_quantity::bigint FROM products WHERE zoho_item_id = '" + ids[0] + "'") == 4321);

    // Price lists: only the book the webhook names, from its detail.
    const auto [book, item] = priced_entry(m);
    m.standin.admin_post("/_admin/pricebooks/" + book + "/items/" + item, {{"pricebook_rate", 777.0}});
    m.webhook("pricebook.update", {{"pricebook", {{"pricebook_id", book}}}});
    r = m.run({"pull-prices"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["prices_updated"] == 1);
    CHECK(metrics["api_calls"] == 1);
    CHECK(m.endpoint_calls("pricebooks_list") == 0);

    // Nothing new: no call, no write.
    for (const char* command : {"pull-products", "pull-stock", "pull-prices"}) {
      CAPTURE(command);
      r = m.run({command});
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
      metrics = metrics_of(r);
      CHECK(metrics["api_calls"] == 0);
      CHECK(metrics["feed_events"] == 0);
      CHECK(r.exit_code == 0);
    }
  }

  TEST_CASE("Books: re-fetched per item (GET /items/{id}), never /itemdetails, which Books does not document") {
    Mirrored m("books");
    const auto ids = m.active_items(2);
    for (const auto& id : ids) {
      m.rename(id, "Books rename " + id);
      m.webhook("item.update", item_event(id));
    }
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["updated"] == 2);
    CHECK(metrics["api_calls"] == 2);
    CHECK(m.endpoint_calls("item_get") == 2);
    CHECK(m.endpoint_calls("itemdetails") == 0);
    CHECK(m.name_of(ids[1]) == "Books rename " + ids[1]);
  }

  TEST_CASE("a change whose webhook was lost is caught by the --full backstop, not by the feed") {
    Mirrored m("inventory");
    const auto ids = m.active_items(2);
    m.rename(ids[0], "Lost webhook");  // no webhook_logs row
    m.rename(ids[1], "Delivered webhook");
    m.webhook("item.update", item_event(ids[1]));
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["updated"] == 1);
    CHECK(m.name_of(ids[0]) != "Lost webhook");
    CHECK(m.name_of(ids[1]) == "Delivered webhook");

    r = m.run({"pull-products", "--full"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["updated"] == 1);
    CHECK(m.name_of(ids[0]) == "Lost webhook");
  }

  TEST_CASE("webhooks quiet: the pulls list instead, and health says the webhooks went quiet") {
    Mirrored m("inventory");
    m.db.exec("UPDATE webhook_logs SET created_at = created_at - interval '3 hours'");
    const auto ids = m.active_items(1);
    m.rename(ids[0], "Found by listing");
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json metrics = metrics_of(r);
    CHECK(metrics["feed"] == "quiet");
    CHECK(metrics["webhooks_quiet"] == true);
    CHECK(metrics["strategy"] != "change_feed");
    CHECK(m.endpoint_calls("items_list") >= 1);
    CHECK(m.name_of(ids[0]) == "Found by listing");

    auto health = run_tshsync(m.db, {"health", "--json"});
    CHECK_MESSAGE(health.exit_code == 1, describe(health));
    CHECK(health.out.find("\"check\": \"webhooks_quiet\"") != std::string::npos);
    CHECK(health.err.find("webhooks went quiet") != std::string::npos);
    CHECK(metrics_of(health)["newest_webhook_age_seconds"].get<long long>() >= 3 * 3600);

    // With [sync].webhooks_quiet_after longer than the silence the feed is live again.
    r = m.run({"pull-products"}, "[sync]\nwebhooks_quiet_after = \"4h\"\n");
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["strategy"] == "change_feed");
  }

  TEST_CASE("a run whose changes would cross its share defers with exit 75, and says so; status shows the calls") {
    Mirrored m("books");
    // 4 calls a day, a quarter of them pull-products': 1 call, whatever the hour.
    const std::string config =
        "[zoho]\ndaily_call_budget = 4\n[zoho.call_shares]\npull-products = 0.25\npull-stock = 0.25\n"
        "pull-prices = 0.25\nreplay-dlq = 0.25\n";
    m.db.exec(
        "DELETE FROM tshsync_call_usage; UPDATE tshsync_rate_account SET calls_today = 0");  // the initial sync's calls
    const auto ids = m.active_items(2);
    for (const auto& id : ids) {
      m.rename(id, "Deferred " + id);
      m.webhook("item.update", item_event(id));
    }
    auto r = m.run({"pull-products"}, config);
    CHECK_MESSAGE(r.exit_code == 75, describe(r));
    json metrics = metrics_of(r);
    CHECK(metrics["deferred"] == true);
    CHECK(metrics["calls_estimated"] == 2);
    CHECK(metrics["share_left"] == 1);
    CHECK(r.err.find("deferred") != std::string::npos);
    CHECK(m.endpoint_calls("item_get") == 0);
    CHECK(m.name_of(ids[0]) != "Deferred " + ids[0]);

    // Without the cap the same changes go through, and status counts them per command.
    r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["api_calls"] == 2);
    m.dir.write("status.toml", config);
    Env status_env;
    status_env["TSHSYNC_CONFIG"] = m.dir.file("status.toml");
    auto status = run_tshsync(m.db, {"status", "--json"}, status_env);
    REQUIRE_MESSAGE(status.exit_code == 0, describe(status));
    const json report = json::parse(status.out.substr(0, status.out.rfind('\n', status.out.size() - 2)));
    json products;
    for (const auto& c : report["commands"])
      if (c["command"] == "pull-products") products = c;
    CHECK(products["calls_today"] == 2);
    CHECK(products["calls_allowed_now"] == 1);
    CHECK(products["calls_share"] == 1);
    auto text = run_tshsync(m.db, {"status"}, status_env);
    CHECK(text.err.find("ZOHO CALLS TODAY") != std::string::npos);
    CHECK(text.err.find("of 1 allowed by now (1 a day)") != std::string::npos);
  }

  TEST_CASE("a command whose share is spent defers; the other commands keep theirs") {
    Mirrored m("books");
    const std::string config =
        "[zoho]\ndaily_call_budget = 4\n[zoho.call_shares]\npull-stock = 0.25\n"
        "pull-prices = 0.25\n";
    m.db.exec(
        "DELETE FROM tshsync_call_usage; UPDATE tshsync_rate_account SET calls_today = 0");  // the initial sync's calls
    m.db.exec(
        "INSERT INTO tshsync_call_usage (organization_id, day, command, calls) "
        "VALUES ('10234695', (now() AT TIME ZONE 'UTC')::date, 'pull-stock', 1)");
    const auto ids = m.active_items(1);
    m.standin.admin_post("/_admin/items/" + ids[0], {{"stock_on_hand", 55}});
    m.webhook("inventoryadjustment.create",
              {{"inventory_adjustment", {{"line_items", json::array({{{"item_id", ids[0]}}})}}}});
    const auto [book, item] = priced_entry(m);
    m.standin.admin_post("/_admin/pricebooks/" + book + "/items/" + item, {{"pricebook_rate", 555.0}});
    m.webhook("pricebook.update", {{"pricebook", {{"pricebook_id", book}}}});

    auto r = m.run({"pull-stock"}, config);
    CHECK_MESSAGE(r.exit_code == 75, describe(r));
    CHECK(metrics_of(r)["deferred"] == true);
    CHECK(metrics_of(r)["share_left"] == 0);
    CHECK(m.endpoint_calls("item_get") == 0);

    r = m.run({"pull-prices"}, config);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["prices_updated"] == 1);
  }
}
