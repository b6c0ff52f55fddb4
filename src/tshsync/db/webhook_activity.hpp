#pragma once

#include <chrono>
#include <optional>

#include <pqxx/pqxx>

namespace tshsync::db {

// How long ago the ERP last logged a webhook it processed (webhook_logs,
// status success); empty when it never did. The incremental pulls read
// webhook_logs as their change feed only while this is recent, and `health`
// says so when it is not ([sync].webhooks_quiet_after).
std::optional<std::chrono::seconds> newest_webhook_age(pqxx::transaction_base& tx);

}  // namespace tshsync::db
