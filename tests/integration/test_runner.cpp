// What every command gets from app::run_command: configuration handling,
// the advisory lock, exit codes and the metrics outputs.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <tshsync/db/advisory_lock.hpp>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

TEST_SUITE("runner") {
  TEST_CASE("a run prints exactly one JSON line on stdout, with the documented keys") {
    TestDatabase db;
    auto r = run_tshsync(db, {"migrate"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(r.out.find('\n') == r.out.size() - 1);
    const auto m = metrics_of(r);
    for (const char* key : {"ts", "command", "status", "exit_code", "duration_seconds"}) CHECK(m.contains(key));
    CHECK(m["ts"].get<std::string>().back() == 'Z');
    CHECK(m["status"] == "success");
  }

  TEST_CASE("a second run of a command while the first holds its lock exits 75 at once, status skipped") {
    TestDatabase db;
    migrate(db);
    const auto key = tshsync::db::lock_key_for("migrate");
    db.exec("SELECT pg_advisory_lock(" + std::to_string(key.classid) + ", " + std::to_string(key.objid) + ")");
    auto r = run_tshsync(db, {"migrate"});
    CHECK_MESSAGE(r.exit_code == 75, describe(r));
    CHECK(metrics_of(r)["status"] == "skipped");
    CHECK(r.err.find("holds the lock") != std::string::npos);
  }

  TEST_CASE("an unreachable database is one line and exit 69") {
    auto r = run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x password=very-secret-pw", "migrate"});
    CHECK_MESSAGE(r.exit_code == 69, describe(r));
    CHECK(r.err.find("very-secret-pw") == std::string::npos);
    CHECK(r.out.find("very-secret-pw") == std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }

  TEST_CASE("wrong database credentials are exit 77") {
    TestDatabase db;
    db.exec(
        "DO $$ BEGIN CREATE ROLE tshsync_limited LOGIN PASSWORD 'right-password'; EXCEPTION WHEN duplicate_object THEN "
        "NULL; END $$");
    auto r = run_tshsync_raw({"--dsn", db.dsn() + " user=tshsync_limited password=wrong-password", "migrate"},
                             {{"PGPASSWORD", "\x01"}});
    CHECK_MESSAGE(r.exit_code == 77, describe(r));
    CHECK(r.err.find("wrong-password") == std::string::npos);
  }

  TEST_CASE("configuration errors are one line and exit 78") {
    TempDir dir;
    SUBCASE("missing explicit file") {
      auto r = run_tshsync_raw({"--config", dir.file("nope.toml"), "migrate"});
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
    }
    SUBCASE("unknown key") {
      dir.write("c.toml", "[database]\ndsn = \"dbname=x\"\ndsm = \"typo\"\n");
      auto r = run_tshsync_raw({"--config", dir.file("c.toml"), "migrate"});
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      CHECK(r.err.find("database.dsm") != std::string::npos);
    }
    SUBCASE("a file holding secrets that others can read is refused") {
      dir.write("c.toml", "[zoho]\nclient_secret = \"zz-top-secret-value\"\n", 0644);
      auto r = run_tshsync_raw({"--config", dir.file("c.toml"), "migrate"});
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      CHECK(r.err.find("chmod 600") != std::string::npos);
      CHECK(r.err.find("zz-top-secret-value") == std::string::npos);
    }
    SUBCASE("TSHSYNC_CONFIG is used when --config is absent") {
      dir.write("c.toml", "[bogus]\n");
      auto r = run_tshsync_raw({"migrate"}, {{"TSHSYNC_CONFIG", dir.file("c.toml")}});
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
    }
  }

  TEST_CASE("the DSN comes from --dsn, then TSHSYNC_DSN, then the file") {
    TestDatabase db;
    TempDir dir;
    dir.write("c.toml", "[database]\ndsn = \"" + db.dsn() + "\"\n");
    auto from_file = run_tshsync_raw({"--config", dir.file("c.toml"), "migrate"});
    CHECK_MESSAGE(from_file.exit_code == 0, describe(from_file));
    auto env_wins = run_tshsync_raw({"--config", dir.file("c.toml"), "migrate"},
                                    {{"TSHSYNC_DSN", "host=127.0.0.1 port=1 dbname=x"}});
    CHECK(env_wins.exit_code == 69);
    auto flag_wins = run_tshsync_raw({"--config", dir.file("c.toml"), "--dsn", db.dsn(), "migrate"},
                                     {{"TSHSYNC_DSN", "host=127.0.0.1 port=1 dbname=x"}});
    CHECK(flag_wins.exit_code == 0);
  }

  TEST_CASE("usage errors are exit 64 with a metrics line") {
    auto r = run_tshsync_raw({"migrate", "--no-such-flag"});
    CHECK(r.exit_code == 64);
    CHECK(metrics_of(r)["exit_code"] == 64);
    auto none = run_tshsync_raw({});
    CHECK(none.exit_code == 64);
  }

  TEST_CASE("metrics go to the JSONL file and a Prometheus textfile that keeps the last success") {
    TestDatabase db;
    TempDir dir;
    std::filesystem::create_directory(dir.file("prom"));
    dir.write("c.toml",
              "[metrics]\njsonl_path = \"" + dir.file("m.jsonl") + "\"\ntextfile_dir = \"" + dir.file("prom") + "\"\n");
    auto ok = run_tshsync(db, {"--config", dir.file("c.toml"), "migrate"});
    REQUIRE_MESSAGE(ok.exit_code == 0, describe(ok));
    auto fail =
        run_tshsync(db, {"--config", dir.file("c.toml"), "migrate"}, {{"TSHSYNC_DSN", "host=127.0.0.1 port=1"}});
    CHECK(fail.exit_code == 69);
    const std::string jsonl = read_text(dir.file("m.jsonl"));
    CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 2);
    const std::string prom = read_text(dir.file("prom/tshsync_migrate.prom"));
    CHECK(prom.find("tshsync_last_run_exit_code{command=\"migrate\"} 69") != std::string::npos);
    CHECK(prom.find("tshsync_last_success_timestamp_seconds{command=\"migrate\"} 0.000") == std::string::npos);
    if (std::system("command -v promtool >/dev/null 2>&1") == 0) {
      auto check = run_process({"/bin/sh", "-c", "promtool check metrics < " + dir.file("prom/tshsync_migrate.prom")});
      CHECK_MESSAGE(check.exit_code == 0, describe(check));
    } else {
      MESSAGE("promtool not installed (Debian package prometheus): textfile format not checked");
    }
  }
}

TEST_SUITE("runner") {
  TEST_CASE("the integrity trigger follows [sync].default_pricelist from the configuration") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("c.toml", "[sync]\ndefault_pricelist = \"Retail\"\n");
    db.exec("INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD'), ('Retail', 'IQD')");
    auto r = run_tshsync(db, {"--config", dir.file("c.toml"), "fix-stuck"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    db.exec("INSERT INTO products (zoho_item_id, name, price) VALUES ('a', 'A', 100)");
    CHECK(db.text("SELECT l.name FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id") == "Retail");
  }
}
