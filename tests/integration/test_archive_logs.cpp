#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "support/built_paths.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

long long logs_total(TestDatabase& db) {
  return db.count("SELECT (SELECT count(*) FROM webhook_logs) + (SELECT count(*) FROM webhook_logs_archive)");
}

}  // namespace

TEST_SUITE("archive-logs") {
  TEST_CASE("archive-logs moves the 3,000 old webhook logs in batches and keeps recent ones") {
    TestDatabase db;
    seed_audit_erp(db);
    const long long total = logs_total(db);
    const long long recent = db.count("SELECT count(*) FROM webhook_logs WHERE created_at > now() - interval '1 day'");
    auto first = run_tshsync(db, {"archive-logs", "--batch-size", "700"});
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    const auto m = metrics_of(first);
    CHECK(m["archived"] == 3000);
    CHECK(m["batches"] == 5);
    CHECK(m["max_batch_seconds"].get<double>() >= 0);
    CHECK(m["max_batch_seconds"].get<double>() <= m["duration_seconds"].get<double>());
    CHECK(db.count("SELECT count(*) FROM webhook_logs_archive WHERE event_id LIKE 'evt-old-%'") == 3000);
    CHECK(db.count("SELECT count(*) FROM webhook_logs") == recent);
    CHECK(logs_total(db) == total);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'archive-logs' AND status = 'success'"
                   " AND records_synced = 3000") == 1);

    auto second = run_tshsync(db, {"archive-logs", "--batch-size", "700"});
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["archived"] == 0);
    CHECK(logs_total(db) == total);
  }

  TEST_CASE("archive-logs does not duplicate a row already copied to the archive") {
    TestDatabase db;
    seed_audit_erp(db);
    // As if a non-atomic cleanup had crashed between its insert and its delete.
    db.exec(
        "INSERT INTO webhook_logs_archive (id, event_id, event_type, status, payload, error_message, created_at)"
        " SELECT id, event_id, event_type, status, payload, error_message, created_at"
        " FROM webhook_logs WHERE event_id = 'evt-old-1'");
    const long long total = logs_total(db);
    auto r = run_tshsync(db, {"archive-logs", "--batch-size", "1000"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["archived"] == 3000);
    CHECK(metrics_of(r)["already_archived"] == 1);
    CHECK(db.count("SELECT count(*) FROM webhook_logs_archive WHERE event_id = 'evt-old-1'") == 1);
    CHECK(db.count("SELECT count(*) FROM webhook_logs WHERE event_id = 'evt-old-1'") == 0);
    CHECK(logs_total(db) == total - 1);
  }

  TEST_CASE("archive-logs deletes old health metrics and keeps new ones") {
    TestDatabase db;
    migrate(db);
    db.exec(
        "INSERT INTO webhook_health_metrics (metric_name, metric_value, recorded_at)"
        " SELECT 'events_per_minute', i, now() - interval '40 days' + i * interval '1 minute'"
        " FROM generate_series(1, 50) AS i");
    db.exec(
        "INSERT INTO webhook_health_metrics (metric_name, metric_value, recorded_at)"
        " SELECT 'events_per_minute', i, now() - interval '1 day' FROM generate_series(1, 20) AS i");
    auto r = run_tshsync(db, {"archive-logs", "--batch-size", "30"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["deleted_metrics"] == 50);
    CHECK(metrics_of(r)["metrics_batches"] == 2);
    CHECK(db.count("SELECT count(*) FROM webhook_health_metrics") == 20);
  }

  TEST_CASE("archive-logs --dry-run counts and moves nothing") {
    TestDatabase db;
    seed_audit_erp(db);
    db.exec(
        "INSERT INTO webhook_health_metrics (metric_name, metric_value, recorded_at)"
        " VALUES ('events_per_minute', 1, now() - interval '31 days')");
    const long long logs = db.count("SELECT count(*) FROM webhook_logs");
    auto r = run_tshsync(db, {"archive-logs", "--dry-run"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["archived"] == 3000);
    CHECK(metrics_of(r)["deleted_metrics"] == 1);
    CHECK(db.count("SELECT count(*) FROM webhook_logs") == logs);
    CHECK(db.count("SELECT count(*) FROM webhook_logs_archive") == 0);
    CHECK(db.count("SELECT count(*) FROM webhook_health_metrics") == 1);
  }

  TEST_CASE("archive-logs stopped by SIGTERM between batches keeps what it moved and loses nothing") {
    TestDatabase db;
    seed_audit_erp(db);
    const long long total = logs_total(db);
    TempDir dir;
    // One row per batch: thousands of batches, time enough to interrupt.
    BackgroundProcess run({tshsync_binary(), "archive-logs", "--batch-size", "1"}, tshsync_env(db), dir.file("out"),
                          dir.file("err"));
    for (int i = 0; i < 300 && db.count("SELECT count(*) FROM webhook_logs_archive") < 10; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    run.signal(SIGTERM);
    CHECK(run.wait(30) == 143);
    const long long archived = db.count("SELECT count(*) FROM webhook_logs_archive");
    CHECK(archived > 0);
    CHECK(archived < 3000);
    CHECK(logs_total(db) == total);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'archive-logs' AND status = 'failed'") == 1);
    const auto metrics = nlohmann::json::parse(read_text(dir.file("out")));
    CHECK(metrics["archived"] == archived);

    auto rest = run_tshsync(db, {"archive-logs"});
    REQUIRE_MESSAGE(rest.exit_code == 0, describe(rest));
    CHECK(metrics_of(rest)["archived"] == 3000 - archived);
  }

  TEST_CASE("archive-logs: bad options are exit 64, an unreachable database 69, a bad config file 78") {
    TestDatabase db;
    migrate(db);
    CHECK(run_tshsync(db, {"archive-logs", "--batch-size", "0"}).exit_code == 64);
    CHECK(run_tshsync(db, {"archive-logs", "--older-than", "90 days"}).exit_code == 64);

    auto unreachable = run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x", "archive-logs"});
    CHECK_MESSAGE(unreachable.exit_code == 69, describe(unreachable));

    TempDir dir;
    dir.write("tshsync.toml", "[database]\ndsn = \"dbname=x password=secret\"\n", 0644);
    auto bad_config = run_tshsync(db, {"--config", dir.file("tshsync.toml"), "archive-logs"});
    CHECK_MESSAGE(bad_config.exit_code == 78, describe(bad_config));
    CHECK(bad_config.err.find("secret") == std::string::npos);
  }
}

TEST_SUITE("archive-logs") {
  TEST_CASE("archive-logs keeps old failed events until replay-dlq has queued them") {
    TestDatabase db;
    migrate(db);
    db.exec(
        "INSERT INTO webhook_logs (event_type, status, payload, error_message, created_at) VALUES"
        " ('invoice.create', 'error', '{\"invoice\":{\"invoice_id\":\"1\"}}', 'receiver down', now() - interval '200 "
        "days'),"
        " ('invoice.create', 'success', '{}', NULL, now() - interval '200 days')");
    auto first = run_tshsync(db, {"archive-logs"});
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    CHECK(metrics_of(first)["archived"] == 1);
    CHECK(metrics_of(first)["held_for_replay"] == 1);
    CHECK(db.count("SELECT count(*) FROM webhook_logs WHERE status = 'error'") == 1);
    // Once queued (replay-dlq's intake), the row may go.
    db.exec(
        "INSERT INTO webhook_dead_letter_queue (original_webhook_log_id, event_type, payload, failure_reason)"
        " SELECT id, event_type, payload, error_message FROM webhook_logs WHERE status = 'error'");
    auto second = run_tshsync(db, {"archive-logs"});
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["archived"] == 1);
    CHECK(db.count("SELECT count(*) FROM webhook_logs") == 0);
  }
}
