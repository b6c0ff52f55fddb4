#pragma once

#include <chrono>
#include <cstdint>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/cancel_token.hpp>

namespace tshsync::zoho {

// Lets one process at a time (on any host) refresh a token: a session-level
// PostgreSQL advisory lock, held across the token request. Session-level
// rather than transaction-level because the request log must be committed
// before the request is sent; PostgreSQL still releases it if the process dies.
// The wait is polled so SIGTERM (the cancel token) ends it; after `patience`
// it gives up with exit 75.
class RefreshLock {
 public:
  RefreshLock(pqxx::connection& conn, int64_t key, const core::CancelToken* cancel, std::chrono::seconds patience);
  ~RefreshLock();
  RefreshLock(const RefreshLock&) = delete;
  RefreshLock& operator=(const RefreshLock&) = delete;

 private:
  pqxx::connection& conn_;
  int64_t key_;
};

}  // namespace tshsync::zoho
