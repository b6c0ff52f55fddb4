#include <tshsync/db/webhook_activity.hpp>

#include <algorithm>

namespace tshsync::db {

std::optional<std::chrono::seconds> newest_webhook_age(pqxx::transaction_base& tx) {
  // Backwards on webhook_logs_created_at_idx to the first success.
  const auto rows = tx.exec(
      "SELECT floor(extract(epoch FROM now() - created_at))::bigint FROM webhook_logs "
      "WHERE status = 'success' ORDER BY created_at DESC LIMIT 1");
  if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
  return std::chrono::seconds(std::max(0LL, rows[0][0].as<long long>()));
}

}  // namespace tshsync::db
