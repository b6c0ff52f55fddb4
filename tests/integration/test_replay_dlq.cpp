#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <cmath>
#include <map>
#include <string>

#include <tshsync/db/advisory_lock.hpp>
#include <tshsync/webhooks/signature.hpp>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

const std::string kReplaySecret = "whsec-replay-test-0123456789";

// A stand-in item id (tests/zoho_standin: 4815000001000001 + index * 1000).
std::string standin_item(int index) {
  return std::to_string(4815000001000001ULL + static_cast<unsigned long long>(index) * 1000ULL);
}

struct Fixture {
  TestDatabase db;
  Standin standin{{"--rate-limit", "0"}};
  TempDir dir;

  Fixture() { migrate(db); }

  std::string sink_url(const std::string& name) const { return standin.origin() + "/_sink/" + name; }
  json sink_requests(const std::string& name) const { return standin.admin_get("/_admin/sinks/" + name)["requests"]; }

  // [replay.targets] in file order, then anything else.
  void configure(const std::vector<std::pair<std::string, std::string>>& targets, const std::string& extra = "") {
    std::string toml = extra + "\n[replay.targets]\n";
    for (const auto& [glob, sink] : targets) toml += "\"" + glob + "\" = \"" + sink_url(sink) + "\"\n";
    dir.write("tshsync.toml", toml);
  }

  Env env(bool with_zoho = true, bool with_secret = true) const {
    Env e{{"TSHSYNC_CONFIG", dir.file("tshsync.toml")}};
    if (with_zoho) {
      for (const auto& [k, v] : standin.zoho_env()) e[k] = v;
      e["ZOHO_REQUESTS_PER_MINUTE"] = "6000";
    }
    if (with_secret) e["ZOHO_WEBHOOK_SECRET"] = kReplaySecret;
    return e;
  }

  ProcessResult replay(const std::vector<std::string>& extra = {}, bool with_zoho = true, bool with_secret = true) {
    std::vector<std::string> args{"replay-dlq"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_tshsync(db, args, env(with_zoho, with_secret));
  }

  // One webhook_logs row the ERP's receiver failed on, `seconds_ago` old.
  void failed_webhook(const std::string& type, const std::string& payload, int seconds_ago = 600) {
    pqxx::work tx(db.conn());
    tx.exec_params(
        "INSERT INTO webhook_logs (event_id, event_type, status, payload, error_message, created_at) "
        "VALUES ('evt-' || gen_random_uuid(), $1, 'error', $2::jsonb, 'receiver failed', "
        "now() - make_interval(secs => $3))",
        type, payload, seconds_ago);
    tx.commit();
  }

  double product_price(const std::string& zoho_item_id) {
    return std::stod(db.text("SELECT price FROM products WHERE zoho_item_id = '" + zoho_item_id + "'"));
  }
};

long long count_resolution(TestDatabase& db, const std::string& resolution) {
  return db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE resolution = '" + resolution + "'");
}

}  // namespace

TEST_SUITE("replay-dlq") {
  TEST_CASE(
      "50 failed webhooks: items re-fetched from Zoho, invoices and contacts redelivered signed, the one without id "
      "flagged") {
    Fixture f;
    f.configure({{"invoice.*", "erp-invoices"}, {"contact.*", "erp-contacts"}});
    for (const char* sink : {"erp-invoices", "erp-contacts"})
      f.standin.admin_post(std::string("/_admin/sinks/") + sink, {{"hmac_secret", kReplaySecret}});

    // 19 updates carrying a wrong price for products the ERP has at a wrong price too.
    for (int i = 0; i < 19; ++i) {
      const std::string id = standin_item(i);
      f.db.exec("INSERT INTO products (zoho_item_id, name, price) VALUES ('" + id + "', 'stale', 1)");
      f.failed_webhook("item.update", json{{"item", {{"item_id", id}, {"name", "forged"}, {"rate", 0.01}}}}.dump(),
                       3000 - i);
    }
    // 10 creates with incomplete payloads: only the id.
    for (int i = 19; i < 29; ++i) f.failed_webhook("item.create", json{{"item_id", standin_item(i)}}.dump(), 2900 - i);
    // A delete of an item Zoho no longer has.
    f.db.exec("INSERT INTO products (zoho_item_id, name, price) VALUES ('4815000009999999', 'gone', 5)");
    f.failed_webhook("item.delete", R"({"item": {"item_id": "4815000009999999"}})", 2800);
    // 10 invoices, 9 contacts, one item update that names no item.
    for (int i = 0; i < 10; ++i)
      f.failed_webhook(
          "invoice.create",
          json{{"invoice", {{"invoice_id", "48150000002000" + std::to_string(10 + i)}, {"total", 25000 + i}}}}.dump(),
          2700 - i);
    for (int i = 0; i < 9; ++i)
      f.failed_webhook("contact.update",
                       json{{"contact", {{"contact_id", "48150000003000" + std::to_string(10 + i)}}}}.dump(), 2600 - i);
    f.failed_webhook("item.update", R"({"item": {"name": "no id here", "rate": 1}})", 2500);
    REQUIRE(f.db.count("SELECT count(*) FROM webhook_logs WHERE status = 'error'") == 50);

    auto first = f.replay();
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    const json m = metrics_of(first);
    CHECK(m["enqueued"] == 50);
    CHECK(m["due"] == 50);
    CHECK(m["resolved"] == 49);
    CHECK(m["needs_human"] == 1);
    CHECK(m["retried"] == 0);
    CHECK(m["exhausted"] == 0);
    CHECK(m["api_calls"].get<long long>() >= 30);

    // Zoho's prices, not the payloads'.
    for (int i = 0; i < 29; ++i) {
      const std::string id = standin_item(i);
      const double zoho_rate = f.standin.admin_get("/_admin/items/" + id)["rate"].get<double>();
      CHECK_MESSAGE(std::fabs(f.product_price(id) - zoho_rate) < 0.005, id);
    }
    CHECK(f.db.count("SELECT count(*) FROM products WHERE name = 'forged' OR price = 0.01") == 0);
    CHECK(f.db.text("SELECT is_active FROM products WHERE zoho_item_id = '4815000009999999'") == "f");
    CHECK(count_resolution(f.db, "refetched") == 29);
    CHECK(count_resolution(f.db, "deactivated") == 1);
    CHECK(count_resolution(f.db, "redelivered") == 19);

    // Redelivered byte for byte (the stored JSON text), signed, oldest first.
    const json invoices = f.sink_requests("erp-invoices");
    REQUIRE(invoices.size() == 10);
    const std::string first_invoice = f.db.text(
        "SELECT payload::text FROM webhook_logs WHERE event_type = 'invoice.create' ORDER BY created_at LIMIT 1");
    CHECK(invoices[0]["body"] == first_invoice);
    for (const auto& r : invoices) {
      CHECK(r["signature_valid"] == true);
      CHECK(r["method"] == "POST");
      CHECK(r["headers"]["Content-Type"] == "application/json");
      CHECK(r["headers"]["X-Zoho-Signature"] ==
            tshsync::webhooks::sign_hex(kReplaySecret, r["body"].get<std::string>()));
    }
    const json contacts = f.sink_requests("erp-contacts");
    CHECK(contacts.size() == 9);
    for (const auto& r : contacts) CHECK(r["signature_valid"] == true);

    // The one without id stays queued, flagged, with the reason.
    CHECK(f.db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE resolved_at IS NULL") == 1);
    CHECK(f.db.text("SELECT last_error FROM webhook_dead_letter_queue WHERE needs_human").find("no item_id") !=
          std::string::npos);

    // A second run applies nothing twice.
    const std::string products_before = f.db.text("SELECT max(updated_at)::text FROM products");
    auto second = f.replay();
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    const json m2 = metrics_of(second);
    CHECK(m2["enqueued"] == 0);
    CHECK(m2["due"] == 0);
    CHECK(m2["resolved"] == 0);
    CHECK(m2["needs_human"] == 0);
    CHECK(m2["api_calls"] == 0);
    CHECK(f.sink_requests("erp-invoices").size() == 10);
    CHECK(f.sink_requests("erp-contacts").size() == 9);
    CHECK(f.db.text("SELECT max(updated_at)::text FROM products") == products_before);
    CHECK(f.db.count("SELECT count(*) FROM webhook_dead_letter_queue") == 50);

    // A new failure for an item already applied re-fetches it and changes nothing.
    f.failed_webhook("item.update", json{{"item_id", standin_item(0)}, {"rate", 0.01}}.dump(), 10);
    auto third = f.replay();
    REQUIRE_MESSAGE(third.exit_code == 0, describe(third));
    CHECK(metrics_of(third)["resolved"] == 1);
    CHECK(metrics_of(third)["api_calls"] == 1);
    CHECK(f.db.text("SELECT max(updated_at)::text FROM products") == products_before);
  }

  TEST_CASE("inventory adjustments refresh their items' stock, price list events their list, from Zoho") {
    Fixture f;
    f.configure({});
    const json catalog = f.standin.admin_get("/_admin/export?part=pricebooks");
    json book;
    for (const auto& b : catalog["pricebooks"])
      if (b["pricebook_type"] == "per_item" && b["sales_or_purchase_type"] == "sales" && b["status"] == "active" &&
          b["pricebook_items"].size() >= 2 && !b["pricebook_items"][0].contains("price_brackets")) {
        book = b;
        break;
      }
    REQUIRE(book.is_object());
    const std::string priced_item = book["pricebook_items"][0]["item_id"];
    for (const std::string& id : {standin_item(0), standin_item(1), priced_item})
      f.db.exec("INSERT INTO products (zoho_item_id, name, price, stock_quantity) VALUES ('" + id +
                "', 'p', 1, -1) "
                "ON CONFLICT DO NOTHING");

    // The payload's quantities are ignored: Zoho's stock figures are applied.
    f.failed_webhook("inventoryadjustment.create",
                     json{{"inventory_adjustment",
                           {{"inventory_adjustment_id", "4815000000090001"},
                            {"line_items", json::array({{{"item_id", standin_item(0)}, {"quantity_adjusted", 999}},
                                                        {{"item_id", standin_item(1)}, {"quantity_adjusted", 999}}})}}}}
                         .dump(),
                     300);
    f.failed_webhook("inventoryadjustment.create", R"({"inventory_adjustment_id": "4815000000090001"})", 250);
    f.failed_webhook("inventoryadjustment.create", R"({"inventory_adjustment_id": "4815000000099999"})", 200);
    f.failed_webhook("pricebook.update",
                     json{{"pricebook", {{"pricebook_id", book["pricebook_id"]}, {"pricebook_rate", 0.01}}}}.dump(),
                     100);

    auto r = f.replay();
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["resolved"] == 3);
    CHECK(m["needs_human"] == 1);
    for (int i = 0; i < 2; ++i) {
      const double zoho_stock = f.standin.admin_get("/_admin/items/" + standin_item(i))["stock_on_hand"].get<double>();
      CHECK(std::stod(f.db.text("SELECT stock_quantity FROM products WHERE zoho_item_id = '" + standin_item(i) +
                                "'")) == doctest::Approx(zoho_stock));
    }
    CHECK(f.db.text("SELECT last_error FROM webhook_dead_letter_queue WHERE needs_human").find("4815000000099999") !=
          std::string::npos);
    const double book_rate = book["pricebook_items"][0]["pricebook_rate"].get<double>();
    CHECK(std::stod(f.db.text("SELECT pp.price FROM product_prices pp JOIN products p ON p.id = pp.product_id "
                              "JOIN pricelists l ON l.id = pp.pricelist_id WHERE p.zoho_item_id = '" +
                              priced_item + "' AND l.zoho_pricebook_id = '" + book["pricebook_id"].get<std::string>() +
                              "'")) == doctest::Approx(book_rate));
  }

  TEST_CASE("a receiver that keeps failing is retried on schedule, exhausted after 10 attempts, and health names it") {
    Fixture f;
    f.configure({{"invoice.*", "erp-down"}});
    // Retry-After: 0: each run's second try comes within a second, not after the 1 s+ backoff.
    f.standin.admin_post("/_admin/sinks/erp-down", {{"status", 500}, {"retry_after", 0}});
    f.failed_webhook("invoice.create", R"({"invoice": {"invoice_id": "4815000000200999"}})");
    const std::string original = f.db.text("SELECT id::text FROM webhook_logs");

    // Base delays of the schedule, in seconds, for attempts 1..9.
    const std::vector<double> base{120, 600, 1800, 3600, 7200, 14400, 28800, 43200, 86400};
    for (int attempt = 1; attempt <= 10; ++attempt) {
      CAPTURE(attempt);
      auto r = f.replay({}, false);
      REQUIRE_MESSAGE(r.exit_code == 2, describe(r));
      const json m = metrics_of(r);
      CHECK(m["due"] == 1);
      CHECK(f.db.count("SELECT retry_count FROM webhook_dead_letter_queue") == attempt);
      CHECK(f.db.text("SELECT last_error FROM webhook_dead_letter_queue").find("HTTP 500") != std::string::npos);
      if (attempt < 10) {
        CHECK(m["retried"] == 1);
        CHECK(m["exhausted"] == 0);
        const double delay = std::stod(
            f.db.text("SELECT extract(epoch FROM next_attempt_at - last_retry_at) FROM webhook_dead_letter_queue"));
        CHECK(delay >= base[static_cast<size_t>(attempt - 1)] * 0.8 - 1);
        CHECK(delay <= base[static_cast<size_t>(attempt - 1)] * 1.2 + 1);
        // Not due yet: a run now leaves it alone.
        auto idle = f.replay({}, false);
        CHECK_MESSAGE(idle.exit_code == 0, describe(idle));
        CHECK(metrics_of(idle)["due"] == 0);
        // The test stands in for the passing of time.
        f.db.exec("UPDATE webhook_dead_letter_queue SET next_attempt_at = now()");
      } else {
        CHECK(m["exhausted"] == 1);
        CHECK(m["exhausted_entries"][0]["original_id"] == original);
        CHECK(f.db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE exhausted_at IS NOT NULL") == 1);
      }
    }
    // Two HTTP attempts per run (one quick retry), ten runs.
    CHECK(f.sink_requests("erp-down").size() == 20);

    // Exhausted entries are never replayed again, even when due.
    f.db.exec("UPDATE webhook_dead_letter_queue SET next_attempt_at = now()");
    auto after = f.replay({}, false);
    CHECK_MESSAGE(after.exit_code == 0, describe(after));
    CHECK(metrics_of(after)["due"] == 0);
    CHECK(f.sink_requests("erp-down").size() == 20);

    auto health = run_tshsync(f.db, {"health"});
    CHECK_MESSAGE(health.exit_code == 1, describe(health));
    bool named = false;
    const json health_metrics = metrics_of(health);
    for (const auto& a : health_metrics["alerts"])
      if (a["check"] == "dlq_exhausted" &&
          a["message"].get<std::string>().find("invoice.create " + original) != std::string::npos)
        named = true;
    CHECK_MESSAGE(named, describe(health));
  }

  TEST_CASE("signature failures are flagged for a human even with a catch-all target; unknown types go to it") {
    Fixture f;
    f.configure({{"*", "erp-all"}});
    f.standin.admin_post("/_admin/sinks/erp-all", {{"hmac_secret", kReplaySecret}});
    f.failed_webhook("signature_missing", R"({"invoice": {"invoice_id": "1"}})", 300);
    f.failed_webhook("signature_invalid", R"({"item": {"item_id": "4815000001000001", "rate": 0.01}})", 200);
    f.failed_webhook("unknown", R"({"raw": "unknown"})", 100);
    auto r = f.replay({}, false);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["needs_human"] == 2);
    CHECK(m["resolved"] == 1);
    const json sent = f.sink_requests("erp-all");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]["body"] == R"({"raw": "unknown"})");
    CHECK(f.db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE needs_human "
                     "AND event_type LIKE 'signature_%' AND last_error LIKE '%verify-signature%'") == 2);
  }

  TEST_CASE("an event type without a target is flagged for a human, not dropped") {
    Fixture f;
    f.configure({{"invoice.*", "erp-invoices"}});
    f.failed_webhook("bill.create", R"({"bill": {"bill_id": "7"}})");
    auto r = f.replay({}, false);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["needs_human"] == 1);
    CHECK(f.db.text("SELECT last_error FROM webhook_dead_letter_queue").find("[replay.targets]") != std::string::npos);
  }

  TEST_CASE("settings: the secret only for redeliveries, Zoho only for Zoho-side events") {
    Fixture f;
    f.configure({{"invoice.*", "erp-invoices"}});
    f.failed_webhook("invoice.create", R"({"invoice": {"invoice_id": "11"}})");

    SUBCASE("no secret: exit 78, nothing sent, no attempt charged") {
      auto r = f.replay({}, false, false);
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      CHECK(r.err.find("ZOHO_WEBHOOK_SECRET") != std::string::npos);
      CHECK(f.sink_requests("erp-invoices").empty());
      CHECK(f.db.count("SELECT sum(retry_count) FROM webhook_dead_letter_queue") == 0);
    }
    SUBCASE("only redeliveries: no Zoho credentials needed") {
      auto r = f.replay({}, false);
      CHECK_MESSAGE(r.exit_code == 0, describe(r));
      CHECK(metrics_of(r)["resolved"] == 1);
      CHECK(metrics_of(r)["api_calls"] == 0);
    }
    SUBCASE("an item event without Zoho settings: exit 78 before anything is replayed") {
      f.failed_webhook("item.update", R"({"item_id": "4815000001000001"})", 1200);
      auto r = f.replay({}, false);
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      CHECK(f.sink_requests("erp-invoices").empty());
      CHECK(f.db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE resolved_at IS NOT NULL") == 0);
    }
    SUBCASE("the secret never shows in the output") {
      auto r = f.replay({"--verbose"}, false);
      CHECK(r.out.find(kReplaySecret) == std::string::npos);
      CHECK(r.err.find(kReplaySecret) == std::string::npos);
    }
  }

  TEST_CASE("--limit replays the oldest due entries first") {
    Fixture f;
    f.configure({{"invoice.*", "erp-invoices"}});
    for (int i = 0; i < 3; ++i)
      f.failed_webhook("invoice.create", json{{"invoice", {{"invoice_id", std::to_string(100 + i)}}}}.dump(),
                       300 - i * 100);
    auto r = f.replay({"--limit", "2"}, false);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["enqueued"] == 3);
    CHECK(metrics_of(r)["resolved"] == 2);
    auto sent = f.sink_requests("erp-invoices");
    REQUIRE(sent.size() == 2);
    CHECK(sent[0]["body"].get<std::string>().find("\"100\"") != std::string::npos);
    CHECK(sent[1]["body"].get<std::string>().find("\"101\"") != std::string::npos);
    auto rest = f.replay({}, false);
    CHECK(metrics_of(rest)["resolved"] == 1);
    CHECK(f.sink_requests("erp-invoices").size() == 3);
  }

  TEST_CASE("--dry-run on the audit's history: counts what would happen, writes and calls nothing") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"replay-dlq", "--dry-run"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["enqueued"] == 90);  // 1 + 5 item errors, 78 + 4 signature failures, 2 unknown
    CHECK(m["would_refetch"] == 6);
    CHECK(m["needs_human"] == 84);
    CHECK(m["would_redeliver"] == 0);
    CHECK(m["dry_run"] == true);
    CHECK(db.count("SELECT count(*) FROM webhook_dead_letter_queue") == 0);
  }

  TEST_CASE("a second replay-dlq while one runs is skipped by the lock") {
    Fixture f;
    f.configure({});
    const auto key = tshsync::db::lock_key_for("replay-dlq");
    pqxx::connection holder(f.db.dsn());
    pqxx::nontransaction(holder).exec_params("SELECT pg_advisory_lock($1, $2)", key.classid, key.objid);
    auto r = f.replay({}, false);
    CHECK_MESSAGE(r.exit_code == 75, describe(r));
    CHECK(metrics_of(r)["status"] == "skipped");
  }
}
