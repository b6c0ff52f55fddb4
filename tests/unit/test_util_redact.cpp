#include <doctest/doctest.h>

#include <tshsync/util/redact.hpp>

using namespace tshsync::util;

TEST_SUITE("util") {
  TEST_CASE("redact hides registered secrets wherever they appear") {
    register_secret("s3cr3t-value-1234");
    CHECK(redact("token=s3cr3t-value-1234&x=1") == "token=***&x=1");
    CHECK(redact("nothing here") == "nothing here");
  }

  TEST_CASE("short strings are not treated as secrets") {
    register_secret("ab");
    CHECK(redact("abc") == "abc");
  }

  TEST_CASE("redact masks passwords in connection strings") {
    CHECK(redact("host=db password=hunter2 dbname=erp") == "host=db password=*** dbname=erp");
    CHECK(redact("postgresql://erp:hunter2@db/erp") == "postgresql://erp:***@db/erp");
  }

  TEST_CASE("register_dsn_secrets registers the password of either DSN form") {
    register_dsn_secrets("host=db password='p@ss word9' dbname=erp");
    CHECK(redact("failed for p@ss word9") == "failed for ***");
    register_dsn_secrets("postgres://u:uri-pass-77@h/db");
    CHECK(redact("uri-pass-77 leaked") == "*** leaked");
  }
}
