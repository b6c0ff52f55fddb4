#pragma once

#include <memory>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::db {

// Opens a connection; an empty DSN lets libpq use its environment (PGHOST...).
// Throws core::Error: exit 77 when PostgreSQL refuses the credentials, 78 when
// the DSN is malformed or names a database or role that does not exist (or
// nothing names a database at all), 69 when it cannot be reached. The message never contains the password.
std::unique_ptr<pqxx::connection> connect(const std::string& dsn);

// True when libpq's connection error means the DSN must change, not that the
// server is away: a malformed string, an unknown option, a database or role
// that does not exist (a server using password authentication reports an
// unknown role as a failed password instead: exit 77).
bool names_a_configuration_problem(const std::string& libpq_message);

// Maps a libpqxx failure that escaped a command to the documented exit code
// (69 for a broken connection, 65 for a data error, 70 otherwise) and message.
[[noreturn]] void rethrow_as_error(const std::exception& e);

}  // namespace tshsync::db
