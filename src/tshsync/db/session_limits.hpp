#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::db {

// The lock_timeout and statement_timeout every session of this process gets
// ([database] lock_timeout, statement_timeout): db::connect applies them.
void set_session_limits(std::chrono::seconds lock_timeout, std::chrono::seconds statement_timeout);
void apply_session_limits(pqxx::connection& conn);

// The core::Error an operational PostgreSQL failure means, or none for a
// failure that is tshsync's own: a lock or statement timeout and a deadlock
// are 75 (retry later, naming the relation when PostgreSQL does), a read-only
// database 78 (point the DSN at the primary), a missing privilege 77 (naming
// the privilege and the relation).
[[noreturn]] void throw_operational(const pqxx::sql_error& e, const std::string& blocking);
bool is_operational(const pqxx::sql_error& e);

// The relations other sessions hold locks on that would block a write
// ("products (pid 123)"), "" when none: what a lock_timeout waited for.
std::string blocking_relations(pqxx::connection& conn);

}  // namespace tshsync::db
