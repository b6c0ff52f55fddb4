#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <chrono>
#include <csignal>
#include <memory>
#include <thread>

#include <tshsync/db/advisory_lock.hpp>

#include "robust_support.hpp"
#include "support/built_paths.hpp"

using namespace tshsync::test;
using namespace tshsync::test::robust;
using nlohmann::json;

namespace {

// A config file with short database timeouts, so no test waits long.
Env with_config(const TempDir& dir, const Env& base, const std::string& toml) {
  dir.write("tshsync.toml", toml);
  Env env = base;
  env["TSHSYNC_CONFIG"] = dir.file("tshsync.toml");
  return env;
}

// Another session holding products in ACCESS EXCLUSIVE mode until it is destroyed.
struct ProductsHeld {
  explicit ProductsHeld(const TestDatabase& db) : conn(db.dsn()), tx(conn) {
    tx.exec("LOCK TABLE products IN ACCESS EXCLUSIVE MODE");
  }
  pqxx::connection conn;
  pqxx::work tx;
};

// Waits (up to 30 s) until a tshsync session waits on a lock.
bool tshsync_waits_on_a_lock(TestDatabase& db) {
  for (int i = 0; i < 300; ++i) {
    // This database only: other suites run beside this one in the same cluster.
    if (db.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tshsync' "
                 "AND wait_event_type = 'Lock' AND datname = current_database()") > 0)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// A pull-products run started behind another session's lock on products,
// waiting on it when the constructor returns.
struct BlockedRun {
  explicit BlockedRun(const std::string& lock_timeout)
      : env(with_config(dir, pull_env(standin), "[database]\nlock_timeout = \"" + lock_timeout + "\"\n")) {
    migrate(db);
    held = std::make_unique<ProductsHeld>(db);
    run = std::make_unique<BackgroundProcess>(std::vector<std::string>{tshsync_binary(), "pull-products"},
                                              tshsync_env(db, env), dir.file("out"), dir.file("err"));
    REQUIRE(tshsync_waits_on_a_lock(db));
  }

  Standin standin{audit_catalog()};
  TestDatabase db;
  TempDir dir;
  Env env;
  std::unique_ptr<ProductsHeld> held;
  std::unique_ptr<BackgroundProcess> run;
};

}  // namespace

TEST_SUITE("robust-database") {
  TEST_CASE("a pull behind another session's lock ends at lock_timeout with 75 naming the relation") {
    Standin standin(audit_catalog());
    TestDatabase db;
    migrate(db);
    TempDir dir;
    const Env env = with_config(dir, pull_env(standin), "[database]\nlock_timeout = \"1s\"\n");
    ProductsHeld held(db);
    auto r = run_tshsync(db, {"pull-products"}, env, "", 60);
    CHECK_MESSAGE(r.exit_code == 75, describe(r));
    CHECK(r.err.find("lock_timeout") != std::string::npos);
    CHECK(r.err.find("products") != std::string::npos);
    CHECK(metrics_of(r)["exit_code"] == 75);
  }

  TEST_CASE("SIGTERM and SIGHUP end a run waiting on the database: the query is cancelled, the row closed") {
    for (const int sig : {SIGTERM, SIGHUP}) {
      CAPTURE(sig);
      BlockedRun blocked("10m");
      auto& [standin, db, dir, env, held, run] = blocked;
      run->signal(sig);
      CHECK(run->wait(30) == 143);
      const json metrics = json::parse(read_text(dir.file("out")));
      CHECK(metrics["exit_code"] == 143);
      CHECK(read_text(dir.file("err")).find(sig == SIGHUP ? "SIGHUP" : "SIGTERM") != std::string::npos);
      CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'pull-products' AND status = 'in_progress'") ==
            0);
      CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'pull-products' AND status = 'failed'") == 1);
    }
  }

  TEST_CASE("a run killed with -9 while it waits on a lock does not leave its advisory lock behind") {
    BlockedRun blocked("1s");
    blocked.run->signal(SIGKILL);
    blocked.run->wait(30);
    TestDatabase& db = blocked.db;
    // Its server session ends its wait at lock_timeout, notices the client is
    // gone and exits, releasing the run's advisory lock.
    bool released = false;
    for (int i = 0; i < 300 && !released; ++i) {
      released = !tshsync::db::lock_is_held(db.conn(), "pull-products");
      if (!released) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(released);
  }

  TEST_CASE("SIGHUP between pages ends the run like SIGTERM: 143, the JSON line, the row closed") {
    Standin standin({"--catalog", "large", "--items", "3000", "--rate-limit", "0"});
    TestDatabase db;
    migrate(db);
    TempDir dir;
    set_faults(standin, json::array({{{"path", "/items"}, {"kind", "slow"}, {"delay_ms", 300}}}));
    BackgroundProcess run({tshsync_binary(), "pull-products"}, tshsync_env(db, pull_env(standin)), dir.file("out"),
                          dir.file("err"));
    for (int i = 0; i < 300 && items_list_calls(standin) < 2; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    run.signal(SIGHUP);
    CHECK(run.wait(30) == 143);
    const json metrics = json::parse(read_text(dir.file("out")));
    CHECK(metrics["exit_code"] == 143);
    CHECK(db.count("SELECT count(*) FROM sync_logs WHERE sync_type = 'pull-products' AND status = 'failed'") == 1);
  }

  TEST_CASE("a read-only database is 78 and a missing privilege 77, each named") {
    Standin standin(audit_catalog());
    TestDatabase db;
    migrate(db);
    db.exec("ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");
    auto ro = run_tshsync(db, {"pull-products"}, pull_env(standin));
    CHECK_MESSAGE(ro.exit_code == 78, describe(ro));
    CHECK(ro.err.find("read-only") != std::string::npos);
    db.exec("ALTER DATABASE " + db.name() + " RESET default_transaction_read_only");

    db.exec(
        "DROP ROLE IF EXISTS tshsync_reader; CREATE ROLE tshsync_reader LOGIN PASSWORD 'reader-pw';"
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO tshsync_reader;"
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tshsync_reader");
    std::string dsn = db.dsn();
    dsn += " user=tshsync_reader password=reader-pw";
    auto denied = run_tshsync_raw({"--dsn", dsn, "pull-products"}, tshsync_env(pull_env(standin)));
    CHECK_MESSAGE(denied.exit_code == 77, describe(denied));
    CHECK(denied.err.find("missing privilege UPDATE") != std::string::npos);
    CHECK(denied.err.find("tshsync_settings") != std::string::npos);
    db.exec("REASSIGN OWNED BY tshsync_reader TO CURRENT_USER; DROP OWNED BY tshsync_reader; DROP ROLE tshsync_reader");
  }

  TEST_CASE("a dry run takes its own lock and never resumes nor touches a real run's checkpoint") {
    Standin standin(audit_catalog());
    TestDatabase db;
    migrate(db);
    const std::string checkpoint = R"({"started_at_us": )" +
                                   db.text("SELECT (extract(epoch FROM now()) * 1000000)::bigint") +
                                   R"(, "position": {"page": 3, "sorted": false}})";
    db.exec("INSERT INTO tshsync_state (key, value) VALUES ('pull-products.full', '" + checkpoint + "')");
    const std::string before =
        db.text("SELECT value::text || updated_at::text FROM tshsync_state WHERE key = 'pull-products.full'");

    pqxx::connection other(db.dsn());
    tshsync::db::AdvisoryLock real_run(other, "pull-products");
    REQUIRE(real_run.try_acquire());
    auto dry = run_tshsync(db, {"pull-products", "--full", "--dry-run"}, pull_env(standin));
    CHECK_MESSAGE(dry.exit_code == 0, describe(dry));
    CHECK(metrics_of(dry).count("resumed") == 0);
    CHECK(metrics_of(dry)["inserted"] == 1356);
    CHECK(db.text("SELECT value::text || updated_at::text FROM tshsync_state WHERE key = 'pull-products.full'") ==
          before);
    CHECK(db.count("SELECT count(*) FROM products") == 0);

    tshsync::db::AdvisoryLock other_dry_run(other, "pull-products:dry-run");
    REQUIRE(other_dry_run.try_acquire());
    auto second = run_tshsync(db, {"pull-products", "--dry-run"}, pull_env(standin));
    CHECK_MESSAGE(second.exit_code == 75, describe(second));
  }
}
