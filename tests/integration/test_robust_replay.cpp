#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include "robust_support.hpp"

using namespace tshsync::test;
using namespace tshsync::test::robust;
using nlohmann::json;

TEST_SUITE("robust-replay") {
  TEST_CASE("replay-dlq never re-signs an event whose recorded failure was its signature, whatever its type") {
    Standin standin({"--rate-limit", "0"});
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("tshsync.toml", "[replay.targets]\n\"*\" = \"" + standin.origin() + "/_sink/erp\"\n");
    const char* reasons[] = {"invalid signature", "missing X-Zoho-Signature header", "Signature could not be verified",
                             "receiver failed"};
    for (const char* reason : reasons) {
      pqxx::work tx(db.conn());
      tx.exec_params(
          "INSERT INTO webhook_logs (event_id, event_type, status, payload, error_message, created_at) "
          "VALUES ('evt-' || gen_random_uuid(), 'invoice.created', 'error', "
          "'{\"invoice\": {\"invoice_id\": \"91\"}}'::jsonb, $1, now() - interval '10 minutes')",
          std::string(reason));
      tx.commit();
    }
    Env env = pull_env(standin);
    env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
    env["ZOHO_WEBHOOK_SECRET"] = "whsec-robust-0123456789";
    auto r = run_tshsync(db, {"replay-dlq"}, env);
    CHECK_MESSAGE(r.exit_code != 70, describe(r));
    CHECK(metrics_of(r)["needs_human"] == 3);
    // Only the event that failed for another reason was delivered.
    CHECK(standin.admin_get("/_admin/sinks/erp")["requests"].size() == 1);
    CHECK(db.count("SELECT count(*) FROM webhook_dead_letter_queue WHERE needs_human") == 3);
  }
}
