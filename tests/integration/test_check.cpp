// tshsync check: settings and their origins, the database, one Zoho token and
// one organization call; each failure with its exit code and a fix (item 4).
#include <doctest/doctest.h>

#include <filesystem>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

TEST_SUITE("check") {
  TEST_CASE("a working installation passes, showing where each setting came from and never a secret") {
    TestDatabase db;
    migrate(db);
    Standin standin({"--rate-limit", "0"});
    TempDir dir;
    dir.write("c.toml",
              "[sync]\ndefault_pricelist = \"Retail\"\n[replay]\nwebhook_secret = \"check-webhook-secret-1\"\n");
    Env env = standin.zoho_env();
    env["TSHSYNC_CONFIG"] = dir.file("c.toml");
    auto r = run_tshsync(db, {"check"}, env);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    for (const std::string& text :
         {"configuration file: " + dir.file("c.toml") + " (chosen by TSHSYNC_CONFIG)",
          std::string("zoho.client_secret = set  [environment ZOHO_CLIENT_SECRET]"),
          std::string("zoho.refresh_token = set  [environment ZOHO_REFRESH_TOKEN]"),
          "sync.default_pricelist = Retail  [file " + dir.file("c.toml") + "]",
          "replay.webhook_secret = set  [file " + dir.file("c.toml") + "]",
          std::string("alerts.slack_webhook_url = unset  [default]"),
          std::string("zoho.call_shares.pull-products = 0.58  [default]"),
          std::string("zoho.call_shares.replay-dlq = 0.04  [default]"),
          std::string("sync.webhooks_quiet_after = 2h  [default]"), std::string("database.dsn = "),
          std::string("[environment TSHSYNC_DSN]"), std::string("database: reachable, schema version "),
          std::string("zoho: token ok (minted), organization "), std::string("check passed")})
      CHECK_MESSAGE(r.err.find(text) != std::string::npos, text, "\n", r.err);
    const auto secret = standin.zoho_config().client_secret;
    CHECK(r.err.find(secret) == std::string::npos);
    CHECK(r.err.find("check-webhook-secret-1") == std::string::npos);
    CHECK(r.err.find(standin.zoho_config().refresh_token) == std::string::npos);
    CHECK(metrics_of(r)["zoho"] == "ok");
    CHECK(metrics_of(r)["api_calls"] == 1);

    auto flag = run_tshsync(db, {"--dsn", db.dsn(), "check"}, env);
    CHECK_MESSAGE(flag.exit_code == 0, describe(flag));
    CHECK(flag.err.find("[flag --dsn]") != std::string::npos);
    CHECK(flag.err.find("zoho: token ok (cached)") != std::string::npos);
  }

  TEST_CASE("a database behind the binary: exit 78 with the fix") {
    TestDatabase db;
    Standin standin({"--rate-limit", "0"});
    auto r = run_tshsync(db, {"check"}, standin.zoho_env());
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("database: reachable, schema version 0") != std::string::npos);
    CHECK(r.err.find("error: schema: ") != std::string::npos);
    CHECK(r.err.find("run 'tshsync migrate' first (exit 78); fix: ") != std::string::npos);
    CHECK(metrics_of(r)["zoho"] == "skipped");
  }

  TEST_CASE("an unreachable database: exit 69, Zoho not tried") {
    auto r = run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x", "check"});
    CHECK_MESSAGE(r.exit_code == 69, describe(r));
    CHECK(r.err.find("error: database: cannot connect to PostgreSQL") != std::string::npos);
    CHECK(r.err.find("(exit 69); fix: check PostgreSQL runs") != std::string::npos);
    CHECK(metrics_of(r)["zoho"] == "skipped");
  }

  TEST_CASE("Zoho failures: missing settings 78, a wrong organization 78, a refused secret 77") {
    TestDatabase db;
    migrate(db);
    Standin standin({"--rate-limit", "0"});
    auto missing = run_tshsync(db, {"check"});
    CHECK_MESSAGE(missing.exit_code == 78, describe(missing));
    CHECK(missing.err.find("error: zoho: missing Zoho settings: ZOHO_CLIENT_ID") != std::string::npos);

    // Before any token is cached: a cached token would not need the secret.
    Env wrong_secret = standin.zoho_env();
    wrong_secret["ZOHO_CLIENT_SECRET"] = "check-wrong-secret-77";
    auto refused = run_tshsync(db, {"check"}, wrong_secret);
    CHECK_MESSAGE(refused.exit_code == 77, describe(refused));
    CHECK(refused.err.find("(exit 77); fix: mint a new refresh token") != std::string::npos);
    CHECK(refused.err.find("check-wrong-secret-77") == std::string::npos);

    Env wrong_org = standin.zoho_env();
    wrong_org["ZOHO_ORGANIZATION_ID"] = "55555";
    auto org = run_tshsync(db, {"check"}, wrong_org);
    CHECK_MESSAGE(org.exit_code == 78, describe(org));
    CHECK(org.err.find("ZOHO_ORGANIZATION_ID") != std::string::npos);
    CHECK(org.err.find("(exit 78); fix: ") != std::string::npos);
  }

  TEST_CASE("a broken configuration file is reported as the configuration step, exit 78") {
    TempDir dir;
    dir.write("c.toml", "[zoho]\nclient_idd = \"x\"\n");
    auto r = run_tshsync_raw({"--config", dir.file("c.toml"), "check"});
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("error: configuration: ") != std::string::npos);
    CHECK(r.err.find("zoho.client_idd") != std::string::npos);
  }

  TEST_CASE("a metrics destination this user cannot write fails the check with its fix, exit 78") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    dir.write("c.toml", "[metrics]\njsonl_path = \"" + dir.file("missing/metrics.jsonl") + "\"\ntextfile_dir = \"" +
                            dir.file("no-such-dir") + "\"\n");
    auto r = run_tshsync(db, {"check"}, {{"TSHSYNC_CONFIG", dir.file("c.toml")}});
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("error: metrics: [metrics].jsonl_path " + dir.file("missing/metrics.jsonl")) != std::string::npos);
    CHECK(r.err.find("error: metrics: [metrics].textfile_dir " + dir.file("no-such-dir")) != std::string::npos);
    CHECK(r.err.find("fix: create it writable for the user tshsync runs as") != std::string::npos);
    CHECK(metrics_of(r)["metrics"] == "failed");
    CHECK_FALSE(std::filesystem::exists(dir.file("missing")));  // check writes nothing
  }

  TEST_CASE("one healthchecks URL for every command is a warning naming {command}, not a failure") {
    TestDatabase db;
    migrate(db);
    Standin standin({"--rate-limit", "0"});
    TempDir dir;
    dir.write("c.toml", "[alerts]\nhealthchecks_url = \"https://hc-ping.example/secret-ping-key\"\n");
    Env env = standin.zoho_env();
    env["TSHSYNC_CONFIG"] = dir.file("c.toml");
    auto shared = run_tshsync(db, {"check"}, env);
    CHECK_MESSAGE(shared.exit_code == 0, describe(shared));
    CHECK(shared.err.find("warning: alerts: [alerts].healthchecks_url has no {command}") != std::string::npos);
    CHECK(shared.err.find("secret-ping-key") == std::string::npos);
    dir.write("c.toml", "[alerts]\nhealthchecks_url = \"https://hc-ping.example/secret-ping-key/{command}\"\n");
    auto per_command = run_tshsync(db, {"check"}, env);
    CHECK_MESSAGE(per_command.exit_code == 0, describe(per_command));
    CHECK(per_command.err.find("has no {command}") == std::string::npos);
  }
}
