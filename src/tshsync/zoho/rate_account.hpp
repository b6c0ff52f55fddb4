#pragma once

#include <chrono>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/zoho/call_shares.hpp>

namespace tshsync::zoho {

// The organization's request account in PostgreSQL (tshsync_rate_account):
// Zoho's limits belong to the organization, so every run on every host draws
// on the same row. A GCRA: each request reserves the slot `interval` after
// the previous reservation (or now, if later) and waits until its slot.
// Statements are autocommitted on the client's own connection.
class RateAccount {
 public:
  RateAccount(pqxx::connection& conn, std::string organization_id, int requests_per_minute, int daily_call_budget);

  // Reserves the next slot and counts the call against the UTC day; returns
  // how long to wait before sending. Throws BudgetExhausted (nothing
  // reserved) when the daily budget is spent.
  std::chrono::milliseconds take_slot();

  // Also count every call as `share.command`'s (tshsync_call_usage) and,
  // with an allowance, refuse (BudgetExhausted) the call that would cross it.
  void count_as(CallShare share) { share_ = std::move(share); }

  // Zoho said the window is spent: no process sends before `wait` from now.
  void hold_off(std::chrono::milliseconds wait);

 private:
  pqxx::connection& conn_;
  std::string organization_id_;
  std::chrono::microseconds interval_;
  int daily_call_budget_;
  CallShare share_;
};

}  // namespace tshsync::zoho
