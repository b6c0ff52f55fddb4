// The operator's mistakes end with the documented exit code and a line that
// names the fix (issue 11, item 5).
#include <doctest/doctest.h>

#include <algorithm>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

long lines_of(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_SUITE("exit codes") {
  TEST_CASE("a malformed DSN is a configuration error (78), not an outage") {
    auto r = run_tshsync_raw({"--dsn", "this is not a dsn", "migrate"});
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("TSHSYNC_DSN") != std::string::npos);
    CHECK(metrics_of(r)["exit_code"] == 78);
  }

  TEST_CASE("a database that does not exist is exit 78") {
    TestDatabase db;
    auto r = run_tshsync_raw({"--dsn", db.dsn() + " dbname=tshsync_no_such_database", "migrate"});
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("tshsync_no_such_database") != std::string::npos);
    CHECK(lines_of(r.err) == 1);
  }

  TEST_CASE("with no DSN and no PG* environment the message says what to set, not libpq's socket error") {
    Env none{{"PGHOST", "\x01"}, {"PGHOSTADDR", "\x01"}, {"PGPORT", "\x01"},    {"PGDATABASE", "\x01"},
             {"PGUSER", "\x01"}, {"PGSERVICE", "\x01"},  {"PGPASSWORD", "\x01"}};
    auto r = run_tshsync_raw({"migrate"}, none);
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("no database configured") != std::string::npos);
    CHECK(r.err.find("TSHSYNC_DSN") != std::string::npos);
    CHECK(r.err.find(".s.PGSQL") == std::string::npos);
    CHECK(lines_of(r.err) == 1);
  }

  TEST_CASE("a wrong organization id is exit 78 naming ZOHO_ORGANIZATION_ID, without a sort_column warning") {
    TestDatabase db;
    migrate(db);
    Standin standin({"--catalog", "audit", "--rate-limit", "0"});
    Env env = standin.zoho_env();
    env["ZOHO_ORGANIZATION_ID"] = "999999999";
    auto r = run_tshsync(db, {"pull-products"}, env);
    CHECK_MESSAGE(r.exit_code == 78, describe(r));
    CHECK(r.err.find("ZOHO_ORGANIZATION_ID") != std::string::npos);
    CHECK(r.err.find("999999999") != std::string::npos);
    CHECK(r.err.find("sort_column") == std::string::npos);
    CHECK(lines_of(r.err) == 1);
  }

  TEST_CASE("a mistyped command is named, with the nearest one suggested") {
    auto r = run_tshsync_raw({"-q", "pull-product"});
    CHECK_MESSAGE(r.exit_code == 64, describe(r));
    CHECK(r.err.find("unknown command 'pull-product'; did you mean 'pull-products'?") != std::string::npos);
    CHECK(metrics_of(r)["exit_code"] == 64);
    auto far = run_tshsync_raw({"--dsn", "dbname=x", "frobnicate"});
    CHECK(far.exit_code == 64);
    CHECK(far.err.find("unknown command 'frobnicate'") != std::string::npos);
    auto fine = run_tshsync_raw({"--dsn", "pull-product", "migrate", "--help"});
    CHECK_MESSAGE(fine.exit_code == 0, describe(fine));  // an option's value is not a command
  }
}
