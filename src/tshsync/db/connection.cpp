#include <tshsync/db/connection.hpp>

#include <cstdlib>

#include <tshsync/core/error.hpp>
#include <tshsync/db/session_limits.hpp>
#include <tshsync/util/redact.hpp>

namespace tshsync::db {

namespace {

std::string first_line(std::string text) {
  const auto nl = text.find('\n');
  if (nl != std::string::npos) text.resize(nl);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return util::redact(text);
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
  } catch (const pqxx::broken_connection& e) {
    const std::string message = first_line(e.what());
    if (message.find("password authentication failed") != std::string::npos ||
        message.find("no password supplied") != std::string::npos ||
        message.find("authentication failed") != std::string::npos)
      throw core::credentials_error("PostgreSQL refused the credentials: " + message);
    throw core::unavailable_error("cannot connect to PostgreSQL: " + message);
  } catch (const pqxx::failure& e) {
    throw core::unavailable_error("cannot connect to PostgreSQL: " + first_line(e.what()));
  }
}

void rethrow_as_error(const std::exception& e) {
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e); sql != nullptr && is_operational(*sql))
    throw_operational(*sql, "");
  if (dynamic_cast<const pqxx::broken_connection*>(&e) || dynamic_cast<const pqxx::in_doubt_error*>(&e))
    throw core::unavailable_error("lost the connection to PostgreSQL: " + first_line(e.what()));
  if (dynamic_cast<const pqxx::data_exception*>(&e) || dynamic_cast<const pqxx::integrity_constraint_violation*>(&e))
    throw core::data_error("PostgreSQL rejected the data: " + first_line(e.what()));
  if (dynamic_cast<const pqxx::sql_error*>(&e))
    throw core::Error(core::ExitCode::software, "PostgreSQL error: " + first_line(e.what()));
  throw core::Error(core::ExitCode::software, "unexpected error: " + first_line(e.what()));
}

}  // namespace tshsync::db
