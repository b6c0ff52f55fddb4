#include <tshsync/db/connection.hpp>

#include <cstdlib>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/db/session_limits.hpp>
#include <tshsync/util/one_line.hpp>

namespace tshsync::db {

namespace {}  // namespace

bool names_a_configuration_problem(const std::string& message) {
  for (const char* sign : {"connection info string", "invalid connection option", "invalid URI",
                           "invalid integer value", "invalid sslmode value", "invalid port number",
                           "invalid value for parameter", "definition of service", "unterminated quoted string"})
    if (message.find(sign) != std::string::npos) return true;
  const bool missing = message.find("does not exist") != std::string::npos;
  return missing && (message.find("database \"") != std::string::npos || message.find("role \"") != std::string::npos);
}

namespace {

// An empty DSN with none of libpq's PG* variables: nothing names a database,
// so libpq tried its compiled-in socket.
bool nothing_names_a_database(const std::string& dsn) {
  if (!dsn.empty()) return false;
  for (const char* name : {"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGSERVICE", "PGUSER"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return false;
  }
  return true;
}

[[noreturn]] void throw_connect_failure(const std::string& dsn, const std::exception& e) {
  // libpq's guess (the local socket, a role named like the user) is not what
  // the operator meant: say what to set rather than what the guess hit.
  if (nothing_names_a_database(dsn))
    throw core::config_error(
        "no database configured: no DSN and no PG* environment, and libpq's default (the local socket, a role "
        "named like this user) did not connect; set [database].dsn in the configuration file, TSHSYNC_DSN or --dsn");
  const std::string message = util::redacted_first_line(e.what());
  if (message.find("password authentication failed") != std::string::npos ||
      message.find("no password supplied") != std::string::npos ||
      message.find("authentication failed") != std::string::npos)
    throw core::credentials_error("PostgreSQL refused the credentials: " + message);
  if (names_a_configuration_problem(message))
    throw core::config_error("the PostgreSQL connection string is wrong: " + message +
                             "; fix [database].dsn, TSHSYNC_DSN or --dsn");
  throw core::unavailable_error("cannot connect to PostgreSQL: " + message);
}

}  // namespace

std::unique_ptr<pqxx::connection> connect(const std::string& dsn) {
  // Lets operators see tshsync in pg_stat_activity without touching the DSN.
  ::setenv("PGAPPNAME", "tshsync", 0);
  if (!std::getenv("PGCONNECT_TIMEOUT")) ::setenv("PGCONNECT_TIMEOUT", "10", 0);
  try {
    auto conn = std::make_unique<pqxx::connection>(dsn);
    apply_session_limits(*conn);
    return conn;
  } catch (const pqxx::failure& e) {
    throw_connect_failure(dsn, e);
  }
}

void rethrow_as_error(const std::exception& e) {
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e); sql != nullptr && is_operational(*sql))
    throw_operational(*sql, "");
  if (dynamic_cast<const pqxx::broken_connection*>(&e) || dynamic_cast<const pqxx::in_doubt_error*>(&e))
    throw core::unavailable_error("lost the connection to PostgreSQL: " + util::redacted_first_line(e.what()));
  if (dynamic_cast<const pqxx::data_exception*>(&e) || dynamic_cast<const pqxx::integrity_constraint_violation*>(&e))
    throw core::data_error("PostgreSQL rejected the data: " + util::redacted_first_line(e.what()));
  if (dynamic_cast<const pqxx::sql_error*>(&e))
    throw core::Error(core::ExitCode::software, "PostgreSQL error: " + util::redacted_first_line(e.what()));
  throw core::Error(core::ExitCode::software, "unexpected error: " + util::redacted_first_line(e.what()));
}

}  // namespace tshsync::db
