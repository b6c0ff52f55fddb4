#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::alerts {

// Remembers in PostgreSQL (tshsync_alert_cooldowns) when each alert was last
// sent, so every run on every host agrees on what was said recently. When the
// database cannot be asked (down, not migrated) the alert is sent anyway: a
// duplicate is better than silence.
class CooldownLedger {
 public:
  CooldownLedger(std::string dsn, std::chrono::seconds cooldown);
  ~CooldownLedger();

  // True, and the time recorded, when `key` was not sent within the cool-down.
  bool claim(const std::string& key, const std::string& text);
  // Forgets a claim whose message could not be delivered, so the next run tries again.
  void release(const std::string& key);

 private:
  pqxx::connection* connection();

  std::string dsn_;
  std::chrono::seconds cooldown_;
  std::unique_ptr<pqxx::connection> conn_;
  bool unavailable_ = false;
};

}  // namespace tshsync::alerts
