// Under cron's -q, problems still say why in one line and noise stays quiet;
// healthchecks pings reach the command's own check (issue 11, item 2).
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <algorithm>
#include <regex>

#include <tshsync/db/advisory_lock.hpp>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using nlohmann::json;

namespace {

long lines_of(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

void hold_lock(pqxx::connection& holder, const std::string& command) {
  const auto key = tshsync::db::lock_key_for(command);
  pqxx::nontransaction(holder).exec_params("SELECT pg_advisory_lock($1, $2)", key.classid, key.objid);
}

std::string rid_of(const json& ping) {
  static const std::regex rid(R"(^rid=([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$)");
  const std::string query = ping["query"];
  std::smatch m;
  return std::regex_match(query, m, rid) ? m[1].str() : "";
}

}  // namespace

TEST_SUITE("quiet alerts") {
  TEST_CASE("under -q a validate that finds problems says why in one line") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"-q", "validate"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    CHECK_MESSAGE(lines_of(r.err) == 1, r.err);
    CHECK(r.err.find("notice: validate found problems (exit 1): ") != std::string::npos);
    CHECK(r.err.find("products_without_prices 104 (error)") != std::string::npos);
  }

  TEST_CASE("under -q a health run with alerts names the most urgent") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"-q", "health"});
    REQUIRE_MESSAGE(r.exit_code == 1, describe(r));
    CHECK_MESSAGE(lines_of(r.err) == 1, r.err);
    CHECK(r.err.find("health found problems (exit 1): P1 ") != std::string::npos);
  }

  TEST_CASE("under -q a partial run says what failed") {
    TestDatabase db;
    migrate(db);
    Standin standin({"--rate-limit", "0"});
    db.exec(
        "INSERT INTO webhook_logs (event_type, status, payload, error_message) "
        "VALUES ('invoice.create', 'error', '{\"invoice\": {\"invoice_id\": \"9\"}}', 'x')");
    TempDir dir;
    dir.write("c.toml", "[replay.targets]\n\"invoice.*\" = \"" + standin.origin() + "/_sink/erp\"\n");
    standin.admin_post("/_admin/sinks/erp", {{"status", 500}, {"retry_after", 0}});
    auto r = run_tshsync(db, {"-q", "replay-dlq"},
                         {{"TSHSYNC_CONFIG", dir.file("c.toml")}, {"ZOHO_WEBHOOK_SECRET", "quiet-test-secret-123"}});
    REQUIRE_MESSAGE(r.exit_code == 2, describe(r));
    CHECK_MESSAGE(lines_of(r.err) == 1, r.err);
    CHECK(r.err.find("replay-dlq partly failed (exit 2): 1 retried") != std::string::npos);
  }

  TEST_CASE("a lock skip prints nothing under -q, one warning otherwise") {
    TestDatabase db;
    migrate(db);
    pqxx::connection holder(db.dsn());
    hold_lock(holder, "fix-stuck");
    auto quiet = run_tshsync(db, {"-q", "fix-stuck"});
    CHECK_MESSAGE(quiet.exit_code == 75, describe(quiet));
    CHECK_MESSAGE(quiet.err.empty(), quiet.err);
    CHECK(metrics_of(quiet)["status"] == "skipped");
    auto loud = run_tshsync(db, {"fix-stuck"});
    CHECK(loud.exit_code == 75);
    CHECK_MESSAGE(loud.err.find("warning: another fix-stuck run holds the lock; skipped") != std::string::npos,
                  loud.err);
    CHECK(loud.err.find("error:") == std::string::npos);
  }

  TEST_CASE("{command} in the healthchecks URL names the check; a run id pairs start and end; dry runs do not ping") {
    TestDatabase db;
    migrate(db);
    Standin standin({"--rate-limit", "0"});
    TempDir dir;
    dir.write("c.toml", "[alerts]\nhealthchecks_url = \"" + standin.origin() + "/_sink/hc/{command}\"\n");
    const Env env{{"TSHSYNC_CONFIG", dir.file("c.toml")}};
    auto first = run_tshsync(db, {"-q", "fix-stuck"}, env);
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    auto second = run_tshsync(db, {"-q", "replay-dlq"}, env);
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    const json pings = standin.admin_get("/_admin/sinks/hc")["requests"];
    REQUIRE(pings.size() == 4);
    CHECK(pings[0]["path"] == "/_sink/hc/fix-stuck/start");
    CHECK(pings[1]["path"] == "/_sink/hc/fix-stuck/0");
    CHECK(pings[2]["path"] == "/_sink/hc/replay-dlq/start");
    CHECK(pings[3]["path"] == "/_sink/hc/replay-dlq/0");
    CHECK_MESSAGE(!rid_of(pings[0]).empty(), pings[0].dump());
    CHECK(rid_of(pings[0]) == rid_of(pings[1]));
    CHECK(rid_of(pings[2]) == rid_of(pings[3]));
    CHECK(rid_of(pings[0]) != rid_of(pings[2]));

    auto dry = run_tshsync(db, {"-q", "fix-stuck", "--dry-run"}, env);
    REQUIRE_MESSAGE(dry.exit_code == 0, describe(dry));
    CHECK(standin.admin_get("/_admin/sinks/hc")["requests"].size() == 4);  // a dry run pings nothing
  }

  TEST_CASE("a metrics file a run cannot write is said even under -q; the exit code stays") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("c.toml", "[metrics]\njsonl_path = \"" + dir.file("missing/metrics.jsonl") + "\"\n");
    auto r = run_tshsync(db, {"-q", "fix-stuck"}, {{"TSHSYNC_CONFIG", dir.file("c.toml")}});
    CHECK_MESSAGE(r.exit_code == 0, describe(r));
    CHECK_MESSAGE(lines_of(r.err) == 1, r.err);
    CHECK(r.err.find("notice: could not append the metrics line") != std::string::npos);
  }
}
