#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::db {

// Whether the database refused a statement because of a record's values (a
// NOT NULL, unique, foreign key or check constraint, a value too long or out
// of range), as opposed to a broken connection or a wrong statement.
bool is_record_rejection(const pqxx::sql_error& e);

// The server's message, first line, without its "ERROR:" prefix.
std::string rejection_reason(const pqxx::sql_error& e);

// Attempts must run their statements with exec_params or exec_prepared: with
// libpqxx 6, an error in exec() aborts the whole transaction, savepoint or not.
//
// Runs `attempt` inside a savepoint. A record rejection rolls it back and
// returns the reason; other errors propagate.
std::optional<std::string> try_in_savepoint(pqxx::transaction_base& tx, const std::function<void()>& attempt);

// Tries records [begin, end) as one range: the reason the range was refused, or none.
using RangeTry = std::function<std::optional<std::string>(size_t begin, size_t end)>;

// The splitting isolate_records does, without the database: tries [0, count);
// a refused range is split in halves until the refused records stand alone,
// each handed to `reject(index, reason)`.
void bisect_rejections(size_t count, const RangeTry& try_range,
                       const std::function<void(size_t, const std::string&)>& reject);

// Writes records [0, count) with `attempt(begin, end)` inside savepoints of
// `tx`. When the database rejects a range, it is rolled back and split in
// halves until the offending records stand alone; each is handed to
// `reject(index, reason)` and the rest are written. Other errors propagate.
// Costs one savepoint when nothing is rejected, about 2 log2(n) statements
// per rejected record otherwise.
void isolate_records(pqxx::transaction_base& tx, size_t count, const std::function<void(size_t, size_t)>& attempt,
                     const std::function<void(size_t, const std::string&)>& reject);

}  // namespace tshsync::db
