#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tshsync/core/priority.hpp>

// The pure rules that map one figure to one of the audit's escalation levels
// (core::Priority). No I/O here, so every threshold is unit tested.
namespace tshsync::checks {

using core::Priority;

struct Alert {
  Priority priority;
  std::string check;    // "webhook_success_rate"
  std::string subject;  // "item.create", "pull-stock", "" when the check has none
  std::string message;  // one line for an operator
};

// The most urgent level among the alerts; empty when there are none.
std::optional<Priority> highest_priority(const std::vector<Alert>& alerts);

// Below 50% is P1, below 90% is P2; a type needs more than 5 events in the
// window before it is judged (the audit's "significant volume").
std::optional<Priority> webhook_rate_priority(long long successes, long long total);

// The success rate in percent with one decimal (28/34 -> 82.4); 0 for no events.
double rate_percent(long long successes, long long total);

// signature_missing / signature_invalid are not Zoho events but the receiver's
// record of a rejected call: they are judged as signature failures.
bool is_signature_pseudo_type(std::string_view event_type);

// Any failure may be a forged call (P2); more than 50 in a window is P1.
std::optional<Priority> signature_failure_priority(long long failures);

// Jobs left in_progress past [health].stuck_after: P2.
std::optional<Priority> stuck_jobs_priority(long long stuck);

// The audit: more than 100 active products without a price is P2; any is P3.
std::optional<Priority> unpriced_products_priority(long long count);

// Dead letters whose retries are spent need a look (P2); entries flagged for a
// human wait for one (P3).
std::optional<Priority> dlq_exhausted_priority(long long count);
std::optional<Priority> dlq_needs_human_priority(long long count);

// Where one scheduled sync command stands.
enum class SyncState {
  fresh,            // succeeded within stale_after
  stale,            // its last success is older than stale_after
  never_succeeded,  // it has run, never with success
  never_run,        // no sync_logs row at all: not scheduled yet
};

std::string to_string(SyncState s);

SyncState sync_state(std::optional<std::chrono::seconds> last_success_age, bool has_run,
                     std::chrono::seconds stale_after);

// stale / never_succeeded: P2 ("scheduled sync failing or stale");
// never_run: P3 (not configured yet).
std::optional<Priority> sync_state_priority(SyncState s);

// One command as the "all syncs failing" rule sees it. failing_for: since its
// last success, or since its first run when it never succeeded.
struct SyncFailure {
  SyncState state;
  std::chrono::seconds failing_for{0};
};

// P1 when every command that has ever run is failing or stale, and has been
// for more than `for_longer_than` (the audit: 1 hour). Commands that never ran
// are left out; at least one must have run.
bool all_syncs_failing(const std::vector<SyncFailure>& syncs, std::chrono::seconds for_longer_than);

}  // namespace tshsync::checks
