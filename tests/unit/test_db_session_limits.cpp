#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <utility>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/db/session_limits.hpp>

using namespace std::chrono_literals;
using tshsync::db::is_operational;
using tshsync::db::throw_operational;

TEST_SUITE_BEGIN("db");

namespace {

// The exit code and message throw_operational turns `e` into.
std::pair<int, std::string> meaning_of(const pqxx::sql_error& e, const std::string& blocking = "") {
  try {
    throw_operational(e, blocking);
  } catch (const tshsync::core::Error& error) {
    return {static_cast<int>(error.code()), error.what()};
  }
  return {0, ""};
}

}  // namespace

TEST_CASE("operational failures: timeouts, conflicts, a read-only database, a missing privilege") {
  CHECK(is_operational(pqxx::sql_error("canceling statement due to lock timeout", "UPDATE", "55P03")));
  CHECK(is_operational(pqxx::sql_error("deadlock detected", "UPDATE", "40P01")));
  CHECK(is_operational(pqxx::sql_error("could not serialize access", "UPDATE", "40001")));
  CHECK(is_operational(pqxx::sql_error("cannot execute UPDATE in a read-only transaction", "UPDATE", "25006")));
  CHECK(is_operational(pqxx::sql_error("canceling statement due to statement timeout", "SELECT", "57014")));
  // libpqxx 6.4 throws this one without its SQLSTATE.
  CHECK(is_operational(pqxx::insufficient_privilege("permission denied for table products", "INSERT")));
  // A cancel asked by the signal handler is not a timeout; a wrong statement is tshsync's own.
  CHECK_FALSE(is_operational(pqxx::sql_error("canceling statement due to user request", "SELECT", "57014")));
  CHECK_FALSE(is_operational(pqxx::sql_error("syntax error", "SELEC", "42601")));
  CHECK_FALSE(is_operational(pqxx::sql_error("duplicate key", "INSERT", "23505")));
}

TEST_CASE("a lock timeout is 75 and names the relation, else what other sessions hold") {
  tshsync::db::set_session_limits(30s, 30min);
  const auto named = meaning_of(pqxx::sql_error(
      "ERROR:  canceling statement due to lock timeout\nCONTEXT:  while updating tuple in relation \"products\"",
      "UPDATE products", "55P03"));
  CHECK(named.first == 75);
  CHECK(named.second.find("for a lock on products held by another session") != std::string::npos);
  CHECK(named.second.find("[database].lock_timeout") != std::string::npos);
  const auto blocked =
      meaning_of(pqxx::sql_error("canceling statement due to lock timeout", "UPDATE", "55P03"), "pricelists (pid 42)");
  CHECK(blocked.second.find("for a lock on pricelists (pid 42)") != std::string::npos);
}

TEST_CASE("a statement timeout and a conflict are 75, a read-only database 78") {
  const auto timeout = meaning_of(pqxx::sql_error("canceling statement due to statement timeout", "SELECT", "57014"),
                                  "products (pid 7)");
  CHECK(timeout.first == 75);
  CHECK(timeout.second.find("(locks held elsewhere: products (pid 7))") != std::string::npos);
  const auto conflict =
      meaning_of(pqxx::sql_error("ERROR:  deadlock detected  \nDETAIL:  Process 1 waits", "UPDATE", "40P01"));
  CHECK(conflict == std::pair<int, std::string>{75,
                                                "PostgreSQL aborted the transaction to resolve a conflict with "
                                                "another session (ERROR:  deadlock detected); retry later"});
  const auto read_only =
      meaning_of(pqxx::sql_error("cannot execute INSERT in a read-only transaction", "INSERT", "25006"));
  CHECK(read_only.first == 78);
  CHECK(read_only.second.find("point [database].dsn at the primary") != std::string::npos);
}

TEST_CASE("a missing privilege is 77 and names the verb and the relation") {
  const auto insert = meaning_of(
      pqxx::insufficient_privilege("ERROR:  permission denied for table products", "INSERT INTO products VALUES (1)"));
  CHECK(insert == std::pair<int, std::string>{77,
                                              "missing privilege INSERT on products (ERROR:  permission denied "
                                              "for table products): grant it to tshsync's database role"});
  const auto select = meaning_of(pqxx::insufficient_privilege("permission denied for schema x", "select 1"));
  CHECK(select.second.rfind("missing privilege SELECT (", 0) == 0);
}

TEST_SUITE_END();
