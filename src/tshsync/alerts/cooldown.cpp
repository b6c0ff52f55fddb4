#include <tshsync/alerts/cooldown.hpp>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/db/connection.hpp>

namespace tshsync::alerts {

namespace {

// One statement: two runs finishing together cannot both claim the same alert.
constexpr const char* kClaim = R"(
INSERT INTO tshsync_alert_cooldowns AS c (alert_key, last_sent_at, last_text)
VALUES ($1, now(), $2)
ON CONFLICT (alert_key) DO UPDATE SET last_sent_at = now(), last_text = EXCLUDED.last_text
WHERE c.last_sent_at <= now() - make_interval(secs => $3)
RETURNING 1)";

}  // namespace

CooldownLedger::CooldownLedger(std::string dsn, std::chrono::seconds cooldown)
    : dsn_(std::move(dsn)), cooldown_(cooldown) {}

CooldownLedger::~CooldownLedger() = default;

pqxx::connection* CooldownLedger::connection() {
  if (!conn_ && !unavailable_) {
    try {
      conn_ = db::connect(dsn_);
    } catch (const std::exception& e) {
      unavailable_ = true;
      core::log_verbose("alert cool-down unavailable, sending anyway: {}", e.what());
    }
  }
  return conn_.get();
}

bool CooldownLedger::claim(const std::string& key, const std::string& text) {
  pqxx::connection* conn = connection();
  if (!conn) return true;
  try {
    pqxx::work tx(*conn);
    const pqxx::result r = tx.exec_params(kClaim, key, text, static_cast<double>(cooldown_.count()));
    tx.commit();
    return !r.empty();
  } catch (const std::exception& e) {
    core::log_verbose("alert cool-down unavailable, sending anyway: {}", e.what());
    return true;
  }
}

void CooldownLedger::release(const std::string& key) {
  pqxx::connection* conn = connection();
  if (!conn) return;
  try {
    pqxx::work tx(*conn);
    tx.exec_params("DELETE FROM tshsync_alert_cooldowns WHERE alert_key = $1", key);
    tx.commit();
  } catch (const std::exception& e) {
    core::log_verbose("could not release the alert cool-down: {}", e.what());
  }
}

}  // namespace tshsync::alerts
