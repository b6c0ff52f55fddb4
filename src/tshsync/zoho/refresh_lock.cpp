#include <tshsync/zoho/refresh_lock.hpp>

#include <string>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/http/retry.hpp>

namespace tshsync::zoho {

RefreshLock::RefreshLock(pqxx::connection& conn, int64_t key, const core::CancelToken* cancel,
                         std::chrono::seconds patience)
    : conn_(conn), key_(key) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  for (;;) {
    {
      pqxx::nontransaction tx(conn_);
      if (tx.exec_params("SELECT pg_try_advisory_lock($1::bigint)", key_)[0][0].as<bool>()) return;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw core::temp_fail_error("another tshsync process has been refreshing the Zoho access token for " +
                                  std::to_string(patience.count()) + " s; retry later");
    }
    http::pause(std::chrono::milliseconds(50), cancel, "while waiting for another process to refresh the Zoho token");
  }
}

RefreshLock::~RefreshLock() {
  try {
    pqxx::nontransaction tx(conn_);
    tx.exec_params("SELECT pg_advisory_unlock($1::bigint)", key_);
  } catch (...) {
    // A broken connection has released the lock already.
  }
}

}  // namespace tshsync::zoho
