#pragma once

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>

namespace tshsync::db {

// What migrate applies after the numbered migrations, every time, from the
// configuration ([erp]): the integrity trigger written for this ERP's columns
// and id types (or removed with price_trigger = false), and a unique index on
// the pricelists' Zoho id column when the ERP has none. Runs in the caller's
// transaction; re-running it changes nothing.
void adopt_erp(pqxx::transaction_base& tx, const core::ErpConfig& config);

}  // namespace tshsync::db
