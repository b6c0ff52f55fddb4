#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <tshsync/db/advisory_lock.hpp>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

// Takes or releases a command's advisory lock from the test's own session,
// standing in for another tshsync process running that command.
void advisory(TestDatabase& db, const char* function, const std::string& command) {
  const auto key = tshsync::db::lock_key_for(command);
  pqxx::nontransaction tx(db.conn());
  tx.exec_params(std::string("SELECT ") + function + "($1, $2)", key.classid, key.objid);
}

size_t line_count(const std::string& text) {
  size_t lines = 0;
  for (const char c : text) lines += c == '\n' ? 1 : 0;
  return lines;
}

}  // namespace

TEST_SUITE("fix-stuck") {
  TEST_CASE("fix-stuck fails the audit's 13 stuck rotations, and a second run finds none") {
    TestDatabase db;
    seed_audit_erp(db);
    auto first = run_tshsync(db, {"fix-stuck"});
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    CHECK(metrics_of(first)["fixed"] == 13);
    CHECK(metrics_of(first)["by_type"] == nlohmann::json{{"Pricelist Rotation (Consumer)", 13}});
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'in_progress'") == 0);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'failed' AND finished_at IS NOT NULL"
                   " AND error_message LIKE 'stuck in_progress since 20%Z with no running process;"
                   " failed by tshsync fix-stuck'") == 13);
    // Rows that were already finished keep their own status and message.
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'error'") == 14);

    auto second = run_tshsync(db, {"fix-stuck"});
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["fixed"] == 0);
    CHECK(metrics_of(second)["by_type"].empty());
  }

  TEST_CASE("fix-stuck --dry-run reports what it would fix and writes nothing") {
    TestDatabase db;
    seed_audit_erp(db);
    auto r = run_tshsync(db, {"fix-stuck", "--dry-run"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["fixed"] == 13);
    CHECK(metrics_of(r)["dry_run"] == true);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'in_progress'") == 13);
  }

  TEST_CASE("fix-stuck leaves rows younger than --older-than alone") {
    TestDatabase db;
    migrate(db);
    db.exec(
        "INSERT INTO sync_logs (sync_type, status, created_at) VALUES"
        " ('Pricelist Rotation (Consumer)', 'in_progress', now() - interval '10 minutes'),"
        " ('Pricelist Rotation (Consumer)', 'in_progress', now() - interval '3 hours')");
    auto r = run_tshsync(db, {"fix-stuck", "--older-than", "2h"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["fixed"] == 1);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'in_progress'"
                   " AND created_at > now() - interval '1 hour'") == 1);
  }

  TEST_CASE("fix-stuck leaves an old row alone while its command's lock is held") {
    TestDatabase db;
    migrate(db);
    db.exec(
        "INSERT INTO sync_logs (sync_type, status, created_at) VALUES"
        " ('pull-products', 'in_progress', now() - interval '5 hours')");
    advisory(db, "pg_advisory_lock", "pull-products");
    auto running = run_tshsync(db, {"fix-stuck", "--older-than", "1h"});
    REQUIRE_MESSAGE(running.exit_code == 0, describe(running));
    CHECK(metrics_of(running)["fixed"] == 0);
    CHECK(metrics_of(running)["left_running"] == 1);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE status = 'in_progress'") == 1);

    advisory(db, "pg_advisory_unlock", "pull-products");
    auto gone = run_tshsync(db, {"fix-stuck", "--older-than", "1h"});
    REQUIRE_MESSAGE(gone.exit_code == 0, describe(gone));
    CHECK(metrics_of(gone)["by_type"] == nlohmann::json{{"pull-products", 1}});
  }

  TEST_CASE("a second fix-stuck run skips at once with exit 75") {
    TestDatabase db;
    migrate(db);
    advisory(db, "pg_advisory_lock", "fix-stuck");
    // "At once": the lock is held for the whole test, so a run that waited for
    // it would never end (run_tshsync kills it and the exit code is not 75).
    auto r = run_tshsync(db, {"fix-stuck"});
    CHECK_MESSAGE(r.exit_code == 75, describe(r));
    CHECK(metrics_of(r)["status"] == "skipped");
  }

  TEST_CASE("fix-stuck refuses a bad --older-than with exit 64") {
    TestDatabase db;
    migrate(db);
    auto r = run_tshsync(db, {"fix-stuck", "--older-than", "soon"});
    CHECK_MESSAGE(r.exit_code == 64, describe(r));
    CHECK(metrics_of(r)["command"] == "fix-stuck");
  }

  TEST_CASE("fix-stuck: an unreachable database is exit 69, a bad config file 78") {
    auto unreachable = run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x", "fix-stuck"});
    CHECK_MESSAGE(unreachable.exit_code == 69, describe(unreachable));
    CHECK_MESSAGE(line_count(unreachable.err) == 1, describe(unreachable));
    CHECK(metrics_of(unreachable)["status"] == "failed");

    TestDatabase db;
    TempDir dir;
    dir.write("tshsync.toml", "[sync]\nstuck_after = \"1h\"\n");
    auto bad_config = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "fix-stuck"});
    CHECK_MESSAGE(bad_config.exit_code == 78, describe(bad_config));
    CHECK(bad_config.err.find("sync.stuck_after") != std::string::npos);
  }
}
