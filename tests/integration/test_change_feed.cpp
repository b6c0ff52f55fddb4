// The incremental pulls' change feed (webhook_logs, tds_inbox_events), the nightly backstop,
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

  // With `tds_inbox`, the ERP also has TDS's inbox (tests/data/erp_tds_inbox.sql), as TSH's ERP does.
  explicit Mirrored(const std::string& product, bool tds_inbox = false)
      : standin(product == "books" ? std::vector<std::string>{"--catalog", "large", "--items", std::to_string(kItems),
                                                              "--rate-limit", "0", "--books-items", "documented"}
                                   : std::vector<std::string>{"--catalog", "large", "--items", std::to_string(kItems),
                                                              "--rate-limit", "0"}) {
    if (tds_inbox) db.exec(read_text(source_path("tests/data/erp_tds_inbox.sql")));
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

  // A row as TDS's receiver stores it (app/tds/integrations/zoho/processor.py): the
  // record's id in source_entity_id, the record itself as raw_payload.
  void inbox(const std::string& entity_type, const std::string& entity_id, const json& payload,
             const std::string& age = "0 seconds") {
    pqxx::work tx(db.conn());
    tx.exec_params(
        "INSERT INTO tds_inbox_events (id, source_type, entity_type, source_entity_id, raw_payload, "
        "idempotency_key, content_hash, webhook_headers, signature_verified, ip_address, received_at) "
        "VALUES (gen_random_uuid(), 'zoho', $1::text::tds_entity_type, $2, $3::text::jsonb, "
        "'zoho:' || $1 || ':' || $2 || ':update:' || gen_random_uuid(), md5($3::text), '{}'::jsonb, true, "
        "'127.0.0.1', now() - $4::interval)",
        entity_type, entity_id, payload.dump(), age);
    tx.commit();
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
  const json books = m.standin.admin_get("/_admin/export?part=pricebooks")["pricebooks"];
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
  TEST_CASE("tds_inbox_events: item, stock and price-list events only in TDS's inbox are re-fetched by id") {
    Mirrored m("inventory", true);
    m.db.exec("DELETE FROM webhook_logs");  // the ERP of today logs nothing there
    const auto ids = m.active_items(2);
    for (size_t i = 0; i < ids.size(); ++i) {
      m.rename(ids[i], "Renamed through TDS " + std::to_string(i));
      m.inbox("product", ids[i], {{"item_id", ids[i]}, {"name", "as Zoho sent it"}});
    }
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    json metrics = metrics_of(r);
    CHECK(metrics["feed"] == "live");
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["feed_events"] == 2);
    CHECK(metrics["updated"] == 2);
    CHECK(m.endpoint_calls("itemdetails") == 1);
    CHECK(m.endpoint_calls("items_list") == 0);
    CHECK(m.name_of(ids[1]) == "Renamed through TDS 1");

    // Stock: the receiver stores the adjustment's id; its items (2 or 3) come from Zoho.
    m.inbox("stock_adjustment", "4815000000090001", json::object());
    r = m.run({"pull-stock"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["feed_events"] == 1);
    CHECK(metrics["fetched"] >= 2);
    CHECK(metrics["api_calls"] == 2);  // GET /inventoryadjustments/{id}, then one /itemdetails
    CHECK(m.endpoint_calls("items_list") == 0);

    // Price lists: only the book the event names.
    const auto [book, item] = priced_entry(m);
    m.standin.admin_post("/_admin/pricebooks/" + book + "/items/" + item, {{"pricebook_rate", 4321.0}});
    m.inbox("price_list", book, json::object());
    r = m.run({"pull-prices"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["prices_updated"] == 1);
    CHECK(m.endpoint_calls("pricebooks_list") == 0);
    CHECK(m.endpoint_calls("pricebook_get") == 1);

    // Read once: the next runs find nothing new.
    for (const char* command : {"pull-products", "pull-stock", "pull-prices"}) {
      CAPTURE(command);
      r = m.run({command});
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
      CHECK(metrics_of(r)["feed_events"] == 0);
      CHECK(metrics_of(r)["api_calls"] == 0);
    }
  }

  TEST_CASE("both tables: events of webhook_logs and tds_inbox_events are read together, each record once") {
    Mirrored m("inventory", true);
    const auto ids = m.active_items(3);
    for (const auto& id : ids) m.rename(id, "Both tables " + id);
    m.webhook("item.update", item_event(ids[0]));
    m.inbox("product", ids[1], {{"item_id", ids[1]}});
    m.webhook("item.update", item_event(ids[2]));  // the same change through both receivers
    m.inbox("product", ids[2], {{"item_id", ids[2]}});
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    json metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["feed_events"] == 4);
    CHECK(metrics["updated"] == 3);
    CHECK(metrics["api_calls"] == 1);
    for (const auto& id : ids) CHECK(m.name_of(id) == "Both tables " + id);

    // A row that commits late (its time before the cursor, within the overlap) is still read, once.
    m.rename(ids[0], "Late inbox row");
    m.inbox("product", ids[0], {{"item_id", ids[0]}}, "30 seconds");
    r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["feed_events"] == 1);
    CHECK(m.name_of(ids[0]) == "Late inbox row");
    r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["feed_events"] == 0);
  }

  TEST_CASE("malformed feed rows (no record id, an unknown type) are skipped and counted; the rest is applied") {
    Mirrored m("inventory", true);
    // TSH's ERP adds enum labels as its receiver needs them (USER, PAYMENT, VENDOR in November 2025).
    m.db.exec("ALTER TYPE tds_entity_type ADD VALUE 'PRODUCT'");
    m.db.exec("ALTER TYPE tds_entity_type ADD VALUE 'GADGET'");
    const auto ids = m.active_items(2);
    m.rename(ids[0], "Sound row");
    m.rename(ids[1], "Upper-case type");
    m.inbox("product", "unknown", json::object());              // the receiver found no id
    m.inbox("product", "unknown", {{"name", "no item_id"}});    // nor does the payload name one
    m.inbox("GADGET", "4815000000000777", json::object());      // a type no pull knows
    m.inbox("PRODUCT", ids[1], json::object());                 // what the live receiver stores
    m.inbox("invoice", "4815000000200002", json::object());     // not the feed's: ignored
    m.webhook("item.update", {{"item", {{"name", "no id"}}}});  // webhook_logs: no id
    m.db.exec(
        "INSERT INTO webhook_logs (event_id, event_type, status, payload) "
        "VALUES ('evt-null-type', NULL, 'success', '{}'::jsonb), ('evt-no-dot', 'itemupdate', 'success', 'null')");
    m.inbox("product", "unknown", {{"item_id", ids[0]}});  // the payload (the item itself) names it
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(metrics["feed_events"] == 5);
    CHECK(metrics.value("feed_unusable", 0) == 3);
    CHECK(metrics.value("feed_unknown_types", 0) == 3);
    CHECK(metrics["updated"] == 2);
    CHECK(m.name_of(ids[0]) == "Sound row");
    CHECK(m.name_of(ids[1]) == "Upper-case type");
    CHECK(r.err.find("skipped 3 change event(s) naming no record and 3 of a type the feed does not know") !=
          std::string::npos);

    // Stock and prices read the same rows: nothing of theirs, nothing fetched, no crash.
    for (const char* command : {"pull-stock", "pull-prices"}) {
      CAPTURE(command);
      r = m.run({command});
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
      CHECK(metrics_of(r)["feed_events"] == 0);
      CHECK(metrics_of(r).value("feed_unknown_types", 0) == 3);
      CHECK(metrics_of(r)["api_calls"] == 0);
    }
  }

  TEST_CASE("health: webhooks are quiet only when neither table has a recent item, stock or price-list event") {
    Mirrored m("inventory", true);
    m.db.exec("UPDATE webhook_logs SET created_at = created_at - interval '3 hours'");
    m.inbox("PAYMENT", "4815000000200003", json::object());  // accepted: says nothing of item events
    auto health = run_tshsync(m.db, {"health", "--json"});
    CHECK(health.out.find("\"check\": \"webhooks_quiet\"") != std::string::npos);
    CHECK(metrics_of(health)["newest_webhook_age_seconds"].get<long long>() >= 3 * 3600);

    m.inbox("product", "4815000000044009", json::object(), "10 minutes");
    health = run_tshsync(m.db, {"health", "--json"});
    CHECK_MESSAGE(health.out.find("\"check\": \"webhooks_quiet\"") == std::string::npos, describe(health));
    const long long age = metrics_of(health)["newest_webhook_age_seconds"].get<long long>();
    CHECK(age >= 600);
    CHECK(age < 3 * 3600);
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["feed"] == "live");

    // Both quiet: the pulls list again.
    m.db.exec("UPDATE tds_inbox_events SET received_at = received_at - interval '3 hours'");
    health = run_tshsync(m.db, {"health", "--json"});
    CHECK(health.out.find("\"check\": \"webhooks_quiet\"") != std::string::npos);
    r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["feed"] == "quiet");
    CHECK(m.endpoint_calls("items_list") >= 1);

    // Neither table: the same fallback.
    m.db.exec("DROP TABLE tds_inbox_events; DROP TABLE webhook_logs CASCADE");
    r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["feed"] == "quiet");
    CHECK(m.endpoint_calls("items_list") >= 1);
  }

  TEST_CASE("Inventory: an item a batched /itemdetails answer leaves out is asked alone, and never deactivated") {
    Mirrored m("inventory");
    const auto ids = m.active_items(4);
    for (const auto& id : ids) {
      m.rename(id, "Batch " + id);
      m.webhook("item.update", item_event(id));
    }
    m.standin.admin_delete("/_admin/items/" + ids[3]);  // really gone: Zoho answers 1002
    m.standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"path", "/itemdetails"}, {"kind", "drop_item"}, {"item_id", ids[1]}}})}});
    auto r = m.run({"pull-products"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json metrics = metrics_of(r);
    CHECK(metrics["strategy"] == "change_feed");
    CHECK(m.standin.admin_get("/_admin/faults")["rules"][0]["fired"] == 1);
    CHECK(m.endpoint_calls("itemdetails") == 1);
    CHECK(m.endpoint_calls("item_get") == 2);  // the left-out item and the deleted one, each alone
    CHECK(metrics["updated"] == 3);
    CHECK(metrics["deactivated"] == 1);
    CHECK(m.name_of(ids[1]) == "Batch " + ids[1]);
    CHECK(m.db.count("SELECT count(*) FROM products WHERE is_active AND zoho_item_id = '" + ids[1] + "'") == 1);
    CHECK(m.db.count("SELECT count(*) FROM products WHERE NOT is_active AND zoho_item_id = '" + ids[3] + "'") == 1);
  }
}
