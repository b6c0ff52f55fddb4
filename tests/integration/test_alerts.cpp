#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <array>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <tshsync/db/advisory_lock.hpp>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

std::string this_host() {
  std::array<char, 256> name{};
  gethostname(name.data(), name.size() - 1);
  return name.data();
}

// A loopback port nobody listens on: a listener that is down.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

struct Fixture {
  TestDatabase db;
  Standin standin{{"--rate-limit", "0"}};
  TempDir dir;

  Fixture() { migrate(db); }

  std::string sink(const std::string& name) const { return standin.origin() + "/_sink/" + name; }
  json requests(const std::string& name) const { return standin.admin_get("/_admin/sinks/" + name)["requests"]; }

  void configure(const std::string& slack_url, const std::string& healthchecks_url, const std::string& extra = "") {
    dir.write("tshsync.toml", "[alerts]\nslack_webhook_url = \"" + slack_url + "\"\nhealthchecks_url = \"" +
                                  healthchecks_url + "\"\ncooldown = \"1h\"\n" + extra);
  }
  void configure_sinks(const std::string& extra = "") { configure(sink("chat"), sink("hc") + "/check-uuid", extra); }

  ProcessResult run(const std::vector<std::string>& args, Env env = {}) {
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    return run_tshsync(db, args, env);
  }

  // An item event in the queue makes replay-dlq need Zoho settings: without them it fails with 78.
  void queue_item_event() {
    db.exec(
        "INSERT INTO webhook_logs (event_type, status, payload, error_message) "
        "VALUES ('item.update', 'error', '{\"item_id\": \"4815000001000001\"}', 'x')");
  }
};

std::string text_of(const json& request) { return json::parse(request["body"].get<std::string>())["text"]; }

}  // namespace

TEST_SUITE("alerts") {
  TEST_CASE(
      "a failed command sends one P2 chat message, not repeated within the cool-down; healthchecks gets start and "
      "exit") {
    Fixture f;
    f.configure_sinks();
    f.queue_item_event();
    auto first = f.run({"replay-dlq"});
    REQUIRE_MESSAGE(first.exit_code == 78, describe(first));

    const json chat = f.requests("chat");
    REQUIRE(chat.size() == 1);
    CHECK(chat[0]["method"] == "POST");
    CHECK(chat[0]["headers"]["Content-Type"] == "application/json");
    const json body = json::parse(chat[0]["body"].get<std::string>());
    CHECK(body.size() == 1);  // Slack's incoming webhook format: {"text": ...}
    const std::string text = body["text"];
    CHECK_MESSAGE(text.rfind("[P2] tshsync replay-dlq failed on " + this_host() + ": ", 0) == 0, text);
    CHECK_MESSAGE(text.find("(exit 78)") != std::string::npos, text);
    CHECK(text.find('\n') == std::string::npos);

    auto second = f.run({"replay-dlq"});
    CHECK_MESSAGE(second.exit_code == 78, describe(second));
    CHECK(f.requests("chat").size() == 1);
    CHECK(f.db.count("SELECT count(*) FROM tshsync_alert_cooldowns") == 1);

    const json pings = f.requests("hc");
    REQUIRE(pings.size() == 4);
    CHECK(pings[0]["path"] == "/_sink/hc/check-uuid/start");
    CHECK(pings[1]["path"] == "/_sink/hc/check-uuid/78");
    CHECK(pings[3]["path"] == "/_sink/hc/check-uuid/78");

    SUBCASE("once the cool-down has passed, it is sent again") {
      f.db.exec("UPDATE tshsync_alert_cooldowns SET last_sent_at = now() - interval '2 hours'");
      auto third = f.run({"replay-dlq"});
      CHECK(third.exit_code == 78);
      CHECK(f.requests("chat").size() == 2);
    }
  }

  TEST_CASE("a successful run sends no chat message, only its healthchecks pings") {
    Fixture f;
    f.configure_sinks();
    auto r = f.run({"replay-dlq"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(f.requests("chat").empty());
    const json pings = f.requests("hc");
    REQUIRE(pings.size() == 2);
    CHECK(pings[1]["path"] == "/_sink/hc/check-uuid/0");
  }

  TEST_CASE("a run skipped for the lock is logged at healthchecks, not reported failed, and sends no chat") {
    Fixture f;
    f.configure_sinks();
    pqxx::connection holder(f.db.dsn());
    const auto key = tshsync::db::lock_key_for("replay-dlq");
    pqxx::nontransaction(holder).exec_params("SELECT pg_advisory_lock($1, $2)", key.classid, key.objid);
    auto r = f.run({"replay-dlq"});
    REQUIRE_MESSAGE(r.exit_code == 75, describe(r));
    CHECK(f.requests("chat").empty());
    const json pings = f.requests("hc");
    REQUIRE(pings.size() == 2);
    CHECK(pings[0]["path"] == "/_sink/hc/check-uuid/start");
    CHECK(pings[1]["path"] == "/_sink/hc/check-uuid/log");
    CHECK(pings[1]["body"].get<std::string>().find("skipped") != std::string::npos);
  }

  TEST_CASE("health's alerts go out as one message at their highest priority") {
    Fixture f;
    f.configure_sinks();
    f.db.exec(
        "INSERT INTO webhook_dead_letter_queue (event_type, payload, retry_count, exhausted_at) "
        "VALUES ('invoice.create', '{}', 10, now())");
    auto r = f.run({"health"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    const json chat = f.requests("chat");
    REQUIRE(chat.size() == 1);
    const std::string text = text_of(chat[0]);
    const std::string highest = metrics_of(r)["highest_priority"];
    CHECK_MESSAGE(text.rfind("[" + highest + "] tshsync health found ", 0) == 0, text);
    CHECK_MESSAGE(text.find("dead letters exhausted") != std::string::npos, text);
  }

  TEST_CASE("each dead letter that exhausts its retries sends its own alert") {
    Fixture f;
    f.configure_sinks("[replay.targets]\n\"invoice.*\" = \"" + f.sink("erp") + "\"\n");
    f.standin.admin_post("/_admin/sinks/erp", {{"status", 500}, {"retry_after", 0}});
    f.db.exec(
        "INSERT INTO webhook_logs (event_type, status, payload, error_message) "
        "VALUES ('invoice.create', 'error', '{\"invoice\": {\"invoice_id\": \"9\"}}', 'x')");
    f.db.exec(
        "INSERT INTO webhook_dead_letter_queue (original_webhook_log_id, event_type, payload, retry_count) "
        "SELECT id, event_type, payload, 9 FROM webhook_logs");
    const std::string original = f.db.text("SELECT id::text FROM webhook_logs");
    auto r = f.run({"replay-dlq"}, {{"ZOHO_WEBHOOK_SECRET", "alerts-test-secret-123"}});
    REQUIRE_MESSAGE(r.exit_code == 2, describe(r));
    CHECK(metrics_of(r)["exhausted"] == 1);
    const json chat = f.requests("chat");
    REQUIRE(chat.size() == 2);
    CHECK(text_of(chat[0]) == "[P3] tshsync replay-dlq partly failed on " + this_host() + ": exit 2");
    const std::string gave_up = text_of(chat[1]);
    CHECK_MESSAGE(gave_up.rfind("[P2] tshsync replay-dlq gave up on a webhook on " + this_host() + ": invoice.create " +
                                    original + " exhausted its retries: ",
                                0) == 0,
                  gave_up);
    CHECK_MESSAGE(gave_up.find("HTTP 500") != std::string::npos, gave_up);
  }

  TEST_CASE("with the listener down the command's exit code is unchanged and the URL is not printed") {
    Fixture f;
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port()) + "/services/T000/B000/secretpath";
    f.configure(down, down);
    auto ok = f.run({"replay-dlq"});
    CHECK_MESSAGE(ok.exit_code == 0, describe(ok));
    CHECK(ok.err.find("could not deliver the healthchecks ping") != std::string::npos);
    f.queue_item_event();
    auto failed = f.run({"replay-dlq"});
    CHECK_MESSAGE(failed.exit_code == 78, describe(failed));
    CHECK(failed.err.find("could not deliver the chat alert") != std::string::npos);
    CHECK(failed.err.find("secretpath") == std::string::npos);
    CHECK(failed.out.find("secretpath") == std::string::npos);
    CHECK(metrics_of(failed)["exit_code"] == 78);

    SUBCASE("a listener that answers 500 changes nothing either, and the next run tries again") {
      f.standin.admin_post("/_admin/sinks/chat", {{"status", 500}});
      f.configure(f.sink("chat"), f.sink("hc"));
      auto r = f.run({"replay-dlq"});
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      auto again = f.run({"replay-dlq"});
      CHECK(again.exit_code == 78);
      CHECK(f.requests("chat").size() == 4);  // two attempts per run, no cool-down for undelivered alerts
    }
  }

  TEST_CASE("when the database is unreachable the alert is sent anyway") {
    Fixture f;
    f.configure_sinks();
    const std::string dsn = "host=127.0.0.1 port=" + std::to_string(closed_port()) + " dbname=x connect_timeout=2";
    auto r = f.run({"replay-dlq"}, {{"TSHSYNC_DSN", dsn}});
    REQUIRE_MESSAGE(r.exit_code == 69, describe(r));
    const json chat = f.requests("chat");
    REQUIRE(chat.size() == 1);
    CHECK_MESSAGE(text_of(chat[0]).rfind("[P2] tshsync replay-dlq failed on ", 0) == 0, text_of(chat[0]));
  }
}
