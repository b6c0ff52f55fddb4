#include <tshsync/zoho/rate_account.hpp>

#include <algorithm>
#include <cmath>

#include <pqxx/pqxx>

#include <tshsync/zoho/client.hpp>

namespace tshsync::zoho {
namespace {

// One statement, so concurrent runs serialize on the row lock. clock_timestamp()
// rather than now(): the value after any wait for that lock.
constexpr const char* kTakeSlot = R"(
INSERT INTO tshsync_rate_account AS a (organization_id, tat, day, calls_today)
VALUES ($1, clock_timestamp() + $2::float8 * interval '1 microsecond', (clock_timestamp() AT TIME ZONE 'UTC')::date, 1)
ON CONFLICT (organization_id) DO UPDATE
SET tat = GREATEST(a.tat, clock_timestamp()) + $2::float8 * interval '1 microsecond',
    calls_today = CASE WHEN a.day = (clock_timestamp() AT TIME ZONE 'UTC')::date THEN a.calls_today + 1 ELSE 1 END,
    day = (clock_timestamp() AT TIME ZONE 'UTC')::date,
    updated_at = now()
WHERE $3::int = 0 OR a.day <> (clock_timestamp() AT TIME ZONE 'UTC')::date OR a.calls_today < $3::int
RETURNING EXTRACT(EPOCH FROM (a.tat - $2::float8 * interval '1 microsecond' - clock_timestamp()))::float8)";

// The command's calls today, counted in the same transaction as the slot; no
// row back means its allowance ($3, 0 = none) is spent.
constexpr const char* kCountCall = R"(
INSERT INTO tshsync_call_usage AS u (organization_id, day, command, calls)
VALUES ($1, (clock_timestamp() AT TIME ZONE 'UTC')::date, $2, 1)
ON CONFLICT (organization_id, day, command) DO UPDATE
SET calls = u.calls + 1, updated_at = now()
WHERE $3::bigint = 0 OR u.calls < $3::bigint
RETURNING calls)";

constexpr const char* kHoldOff = R"(
UPDATE tshsync_rate_account
SET tat = GREATEST(tat, clock_timestamp() + $2::float8 * interval '1 millisecond'), updated_at = now()
WHERE organization_id = $1)";

}  // namespace

RateAccount::RateAccount(pqxx::connection& conn, std::string organization_id, int requests_per_minute,
                         int daily_call_budget)
    : conn_(conn),
      organization_id_(std::move(organization_id)),
      interval_(std::chrono::microseconds(60'000'000LL / std::max(requests_per_minute, 1))),
      daily_call_budget_(std::max(daily_call_budget, 0)) {}

std::chrono::milliseconds RateAccount::take_slot() {
  conn_.prepare("tshsync_take_slot", kTakeSlot);  // once per connection; taken before every request
  if (!share_.command.empty()) conn_.prepare("tshsync_count_call", kCountCall);
  pqxx::work tx(conn_);
  if (!share_.command.empty()) {
    if (tx.exec_prepared("tshsync_count_call", organization_id_, share_.command, share_.allowance).empty()) {
      throw BudgetExhausted("the share of the daily Zoho call budget that " + share_.command + " may spend by now (" +
                            std::to_string(share_.allowance) +
                            " calls, [zoho.call_shares]) is spent; a later run resumes");
    }
  }
  const auto rows = tx.exec_prepared("tshsync_take_slot", organization_id_, static_cast<long long>(interval_.count()),
                                     daily_call_budget_);
  if (rows.empty()) {
    throw BudgetExhausted("the daily Zoho call budget (" + std::to_string(daily_call_budget_) +
                          " calls, ZOHO_DAILY_CALL_BUDGET) is spent for today (UTC); the next run after "
                          "00:00 UTC resumes");
  }
  tx.commit();
  const double wait_seconds = rows[0][0].as<double>();
  if (wait_seconds <= 0) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(wait_seconds * 1000.0)));
}

void RateAccount::hold_off(std::chrono::milliseconds wait) {
  if (wait <= std::chrono::milliseconds(0)) return;
  pqxx::nontransaction tx(conn_);
  tx.exec_params(kHoldOff, organization_id_, static_cast<long long>(wait.count()));
}

}  // namespace tshsync::zoho
