#include <doctest/doctest.h>

#include <tshsync/db/connection.hpp>

using tshsync::db::names_a_configuration_problem;

TEST_SUITE("db connection") {
  TEST_CASE("libpq's answers that mean the DSN must change") {
    CHECK(names_a_configuration_problem("missing \"=\" after \"this\" in connection info string"));
    CHECK(names_a_configuration_problem("invalid connection option \"hots\""));
    CHECK(names_a_configuration_problem("invalid sslmode value: \"sometimes\""));
    CHECK(names_a_configuration_problem(
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"erp\" does not exist"));
    CHECK(
        names_a_configuration_problem("connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: FATAL: "
                                      " role \"tsh\" does not exist"));
  }

  TEST_CASE("an outage or refused credentials are not a configuration problem") {
    CHECK_FALSE(
        names_a_configuration_problem("connection to server at \"127.0.0.1\", port 1 failed: Connection refused"));
    CHECK_FALSE(names_a_configuration_problem("FATAL:  password authentication failed for user \"tsh\""));
    CHECK_FALSE(names_a_configuration_problem("FATAL:  relation \"x\" does not exist"));
  }
}
