#pragma once

#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>
#include <tshsync/db/erp_schema.hpp>

namespace tshsync::db {

// Why the ERP's schema and the [erp] mapping cannot work together, one line
// each with its fix ("products.category_id is NOT NULL without a default: set
// it under [erp.products.insert_defaults]"). Reads the catalog only.
std::vector<std::string> erp_incompatibilities(pqxx::transaction_base& tx, const core::ErpConfig& config);
// The same for a schema already read.
std::vector<std::string> erp_incompatibilities(const ErpSchema& schema, const core::ErpConfig& config);

// Tables, columns, indexes, constraints and triggers of the current schema,
// one name each ("column products.zoho_last_modified_at"): migrate --check
// compares them before and after a rolled-back migrate.
std::vector<std::string> schema_objects(pqxx::transaction_base& tx);

}  // namespace tshsync::db
