#pragma once

#include <chrono>
#include <string>

#include <pqxx/pqxx>

namespace tshsync::db {

// The database's now() minus `older_than`, as timestamptz text. Fixed once per
// run, so rows that age past the threshold while the run goes on do not count.
std::string cutoff_before_now(pqxx::connection& conn, std::chrono::seconds older_than);

}  // namespace tshsync::db
