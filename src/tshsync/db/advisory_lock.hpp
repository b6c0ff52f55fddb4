#pragma once

#include <cstdint>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::db {

// Each writing command has its own PostgreSQL advisory lock, keyed by its
// name. Session-level: PostgreSQL releases it when the process dies, so a
// kill -9 never leaves a stale lock behind.
struct LockKey {
  int32_t classid;  // constant: "tshs"
  int32_t objid;    // 31-bit FNV-1a hash of the command name
};

LockKey lock_key_for(const std::string& command);

class AdvisoryLock {
 public:
  AdvisoryLock(pqxx::connection& conn, const std::string& command);
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;
  ~AdvisoryLock();

  // Non-blocking: false when another session holds it.
  bool try_acquire();

 private:
  pqxx::connection& conn_;
  LockKey key_;
  bool held_ = false;
};

// True when some session (other than one's own) holds the command's lock.
bool lock_is_held(pqxx::connection& conn, const std::string& command);

}  // namespace tshsync::db
