#pragma once

#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::db {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// The sql/NNN_name.sql files compiled into the binary, in order.
const std::vector<Migration>& embedded_migrations();

int latest_schema_version();

// The highest applied version, 0 when tshsync never migrated this database.
int applied_schema_version(pqxx::connection& conn);

struct MigrationPlan {
  int current_version = 0;
  std::vector<const Migration*> pending;
};

MigrationPlan plan_migrations(pqxx::connection& conn);

// Applies the pending migrations in the caller's transaction, in order, and
// records each in tshsync_schema_migrations: with one commit, a migrate
// succeeds whole or changes nothing. Returns the versions applied.
std::vector<int> apply_migrations(pqxx::transaction_base& tx, const MigrationPlan& plan);

// Exit 78 with "run tshsync migrate" when the database is behind this binary,
// and when it is ahead (an older binary must not write a newer schema).
void require_current_schema(pqxx::connection& conn);

}  // namespace tshsync::db
