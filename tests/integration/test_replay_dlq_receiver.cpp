// replay-dlq against a receiver that behaves like TSH's live one
// (Qmop1967/tsh-erp-system app/tds/api/webhooks.py): X-Webhook-Key, 202 with
// {"success": false} on a validation failure, {"success": true} for a duplicate.
#include <doctest/doctest.h>

#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <pqxx/pqxx>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

const std::string kReceiverSecret = "whsec-receiver-test-0123456789";
const std::string kWebhookKey = "tsh-webhook-key-abcdef0123456789";

class TshReceiver {
 public:
  TshReceiver() {
    server_.Post(R"(/api/tds/webhooks/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex_);
      keys_.push_back(req.get_header_value("X-Webhook-Key"));
      // verify_webhook_key: 401 when the key is missing or wrong.
      if (req.get_header_value("X-Webhook-Key") != kWebhookKey) {
        res.status = 401;
        res.set_content(R"({"detail":"Invalid webhook key"})", "application/json");
        return;
      }
      const json body = json::parse(req.body, nullptr, false);
      const std::string entity_type = body.is_object() ? body.value("entity_type", "") : "";
      const std::string entity_id = body.is_object() ? body.value("entity_id", "") : "";
      const std::string event_type = body.is_object() ? body.value("event_type", "update") : "update";
      const std::string key = "zoho:" + entity_type + ":" + entity_id + ":" + event_type;
      json answer{{"event_id", nullptr}, {"idempotency_key", key}, {"queued", false}};
      res.status = 202;
      // The processor's validation refusing the event (result["success"] false).
      const bool invalid = body.is_object() && body.contains("data") && body["data"].value("total", 0) < 0;
      if (entity_id.empty() || invalid) {
        answer["success"] = false;
        answer["message"] = "Invoice webhook validation failed";
      } else if (!seen_.insert(key).second) {
        answer["success"] = true;
        answer["message"] = "Duplicate event already processed: " + entity_type;
      } else {
        answer["success"] = true;
        answer["message"] = "Invoice webhook processed and queued";
        answer["queued"] = true;
      }
      res.set_content(answer.dump(), "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~TshReceiver() {
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api/tds/webhooks/invoices"; }
  void already_processed(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    seen_.insert(key);
  }
  std::vector<std::string> keys() {
    std::lock_guard<std::mutex> lock(mutex_);
    return keys_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::set<std::string> seen_;
  std::vector<std::string> keys_;
};

void failed_webhook(TestDatabase& db, const std::string& type, const json& payload) {
  pqxx::work tx(db.conn());
  tx.exec_params(
      "INSERT INTO webhook_logs (event_id, event_type, status, payload, error_message, created_at) "
      "VALUES ('evt-' || gen_random_uuid(), $1, 'error', $2::jsonb, 'receiver failed', now() - interval '10 minutes')",
      type, payload.dump());
  tx.commit();
}

json invoice_event(const std::string& id, const std::string& event = "create") {
  return {{"event_type", event}, {"entity_type", "invoice"}, {"entity_id", id}, {"data", {{"invoice_id", id}}}};
}

}  // namespace

TEST_SUITE("replay-dlq") {
  TEST_CASE(
      "redelivery to TSH's receiver: X-Webhook-Key sent, never printed; success false is a failed attempt; a duplicate "
      "is delivered") {
    TshReceiver receiver;
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("tshsync.toml", "[replay]\nwebhook_key = \"" + kWebhookKey + "\"\n[replay.targets]\n\"invoice.*\" = \"" +
                                  receiver.url() + "\"\n");
    failed_webhook(db, "invoice.create", invoice_event("4815000000200001"));
    failed_webhook(db, "invoice.create", invoice_event("4815000000200002"));
    json invalid = invoice_event("4815000000200009", "update");
    invalid["data"]["total"] = -5;
    failed_webhook(db, "invoice.update", invalid);
    receiver.already_processed("zoho:invoice:4815000000200002:create");

    const Env env{{"TSHSYNC_CONFIG", dir.file("tshsync.toml")}, {"ZOHO_WEBHOOK_SECRET", kReceiverSecret}};
    auto r = run_tshsync(db, {"replay-dlq", "--verbose"}, env);
    REQUIRE_MESSAGE(r.exit_code == 2, describe(r));
    const json m = metrics_of(r);
    CHECK(m["resolved"] == 2);  // the new one and the duplicate
    CHECK(m["retried"] == 1);
    CHECK(db.text("SELECT last_error FROM webhook_dead_letter_queue WHERE resolved_at IS NULL")
              .find("refused it: Invoice webhook validation failed") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE resolution = 'redelivered'") == 2);
    const auto keys = receiver.keys();
    CHECK(keys.size() == 3);
    for (const auto& key : keys) CHECK(key == kWebhookKey);
    CHECK(r.out.find(kWebhookKey) == std::string::npos);
    CHECK(r.err.find(kWebhookKey) == std::string::npos);
  }

  TEST_CASE("the webhook key from TSHSYNC_WEBHOOK_KEY; a wrong key is a failed attempt naming the setting") {
    TshReceiver receiver;
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("tshsync.toml", "[replay.targets]\n\"invoice.*\" = \"" + receiver.url() + "\"\n");
    failed_webhook(db, "invoice.create", invoice_event("4815000000200003"));
    Env env{{"TSHSYNC_CONFIG", dir.file("tshsync.toml")},
            {"ZOHO_WEBHOOK_SECRET", kReceiverSecret},
            {"TSHSYNC_WEBHOOK_KEY", "not-the-key"}};
    auto wrong = run_tshsync(db, {"replay-dlq"}, env);
    REQUIRE_MESSAGE(wrong.exit_code == 2, describe(wrong));
    CHECK(db.text("SELECT last_error FROM webhook_dead_letter_queue").find("webhook_key") != std::string::npos);
    CHECK(wrong.err.find("not-the-key") == std::string::npos);

    db.exec("UPDATE webhook_dead_letter_queue SET next_attempt_at = now()");
    env["TSHSYNC_WEBHOOK_KEY"] = kWebhookKey;
    auto right = run_tshsync(db, {"replay-dlq"}, env);
    REQUIRE_MESSAGE(right.exit_code == 0, describe(right));
    CHECK(metrics_of(right)["resolved"] == 1);
  }

  TEST_CASE("a config file with the webhook key must not be readable by others") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("tshsync.toml", "[replay]\nwebhook_key = \"" + kWebhookKey + "\"\n", 0644);
    auto r = run_tshsync(db, {"replay-dlq"}, {{"TSHSYNC_CONFIG", dir.file("tshsync.toml")}});
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("replay.webhook_key") != std::string::npos);
    CHECK(r.err.find(kWebhookKey) == std::string::npos);
  }
}
