#include <tshsync/webhooks/replay.hpp>

#include <memory>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/http/url.hpp>
#include <tshsync/util/jitter.hpp>
#include <tshsync/webhooks/dead_letter_store.hpp>
#include <tshsync/webhooks/event_route.hpp>
#include <tshsync/webhooks/redelivery.hpp>
#include <tshsync/webhooks/retry_schedule.hpp>
#include <tshsync/webhooks/zoho_refresh.hpp>
#include <tshsync/zoho/client.hpp>
#include <tshsync/zoho/errors.hpp>

namespace tshsync::webhooks {

namespace {

struct Planned {
  DeadLetter entry;
  ReplayRoute route;
};

bool is_zoho_side(ReplayAction a) {
  return a == ReplayAction::refetch_item || a == ReplayAction::refresh_stock || a == ReplayAction::refresh_pricebook;
}

std::optional<nlohmann::json> parsed_payload(const DeadLetter& d) {
  if (!d.payload_text) return std::nullopt;
  return nlohmann::json::parse(*d.payload_text, nullptr, false);
}

// Intake and the due list in one snapshot; under --dry-run the intake is rolled back.
std::vector<Planned> plan(pqxx::connection& conn, const core::Config& config, const ReplayOptions& options,
                          ReplayResult& result) {
  pqxx::work tx(conn);
  result.enqueued = enqueue_failed_webhooks(tx);
  std::vector<Planned> planned;
  for (auto& entry : due_dead_letters(tx, options.limit)) {
    ReplayRoute route =
        route_event(entry.event_type, parsed_payload(entry), config.replay.targets, entry.failure_reason);
    planned.push_back({std::move(entry), std::move(route)});
  }
  if (!options.dry_run) tx.commit();
  result.due = static_cast<long long>(planned.size());
  return planned;
}

// Settings problems end the run before any entry is touched, rather than
// charging every entry an attempt for them.
void require_settings(const std::vector<Planned>& planned, const core::Config& config) {
  bool zoho = false;
  for (const auto& p : planned) {
    if (is_zoho_side(p.route.action)) zoho = true;
    if (p.route.action != ReplayAction::redeliver) continue;
    if (config.replay.webhook_secret.empty())
      throw core::config_error("redelivering " + p.entry.event_type +
                               " events needs the webhook secret: set ZOHO_WEBHOOK_SECRET or [replay].webhook_secret");
    http::require_safe_url(p.route.target_url);
  }
  if (zoho) zoho::require_zoho_config(config.zoho);
}

class Replayer {
 public:
  Replayer(pqxx::connection& conn, const core::Config& config, const ReplayOptions& options, ReplayResult& result)
      : conn_(conn), config_(config), options_(options), result_(result), zoho_(config, conn, options.cancel) {}

  void replay(const Planned& p) {
    if (p.route.action == ReplayAction::needs_human) return flag(p.entry, p.route.reason);
    if (is_zoho_side(p.route.action) && zoho_unreachable_) {
      ++result_.deferred;
      return;
    }
    const Attempt a = attempt(p);
    if (a.outcome == Outcome::needs_human) return flag(p.entry, a.text);
    if (a.outcome == Outcome::failed) return record_failure(p.entry, a.text);
    if (mark_resolved(conn_, p.entry.id, a.text)) ++result_.resolved;
    core::log_verbose("{} {}: {}", p.entry.event_type, p.entry.id, a.text);
  }

  int64_t api_calls() const { return zoho_.api_calls(); }

 private:
  enum class Outcome { resolved, failed, needs_human };
  struct Attempt {
    Outcome outcome;
    std::string text;  // the resolution, or why not
  };

  Attempt attempt(const Planned& p) {
    if (p.route.action == ReplayAction::redeliver) {
      const auto error = redeliverer().redeliver(p.route.target_url, *p.entry.payload_text);
      return error ? Attempt{Outcome::failed, *error} : Attempt{Outcome::resolved, "redelivered"};
    }
    try {
      return {Outcome::resolved, zoho_.replay(p.route)};
    } catch (const NeedsHuman& e) {
      return {Outcome::needs_human, e.what()};
    } catch (const AttemptFailed& e) {
      return {Outcome::failed, e.what()};
    } catch (const core::Error& e) {
      // Credentials, settings, rate limit, budget, a signal: the run ends and
      // the entry is not charged an attempt for them.
      if (zoho::must_stop(e)) throw;
      if (e.code() == core::ExitCode::unavailable) zoho_unreachable_ = true;
      return {Outcome::failed, e.what()};
    } catch (const pqxx::sql_error& e) {  // a lost connection is no sql_error: it ends the run
      return {Outcome::failed, std::string("applying Zoho's record failed: ") + e.what()};
    }
  }

  void flag(const DeadLetter& entry, const std::string& reason) {
    if (mark_needs_human(conn_, entry.id, reason)) ++result_.needs_human;
    core::log_verbose("{} {}: needs a human: {}", entry.event_type, entry.id, reason);
  }

  void record_failure(const DeadLetter& entry, const std::string& error) {
    const int failures = entry.retry_count + 1;
    const bool exhausted = attempts_exhausted(failures, options_.max_attempts);
    const auto delay = retry_delay(failures, util::jitter_unit());
    if (!record_failed_attempt(conn_, entry.id, error, delay, exhausted)) return;
    if (exhausted) {
      ++result_.exhausted;
      result_.newly_exhausted.push_back({entry.id, entry.event_type, entry.original_id, error});
      core::log_warn("{} {} gave up after {} attempts: {}", entry.event_type, entry.id, failures, error);
    } else {
      ++result_.retried;
      core::log_verbose("{} {} attempt {} failed, next in {}s: {}", entry.event_type, entry.id, failures, delay.count(),
                        error);
    }
  }

  Redeliverer& redeliverer() {
    if (!redeliverer_)
      redeliverer_ = std::make_unique<Redeliverer>(config_.replay.webhook_secret, config_.replay.signature_header,
                                                   options_.cancel, config_.replay.webhook_key);
    return *redeliverer_;
  }

  pqxx::connection& conn_;
  const core::Config& config_;
  const ReplayOptions& options_;
  ReplayResult& result_;
  ZohoRefresher zoho_;
  std::unique_ptr<Redeliverer> redeliverer_;
  bool zoho_unreachable_ = false;
};

void count_dry_run(const std::vector<Planned>& planned, ReplayResult& result) {
  for (const auto& p : planned) {
    if (p.route.action == ReplayAction::needs_human)
      ++result.needs_human;
    else if (p.route.action == ReplayAction::redeliver)
      ++result.would_redeliver;
    else
      ++result.would_refetch;
  }
}

}  // namespace

ReplayResult replay_dead_letters(pqxx::connection& conn, const core::Config& config, const ReplayOptions& options) {
  ReplayResult result;
  const std::vector<Planned> planned = plan(conn, config, options, result);
  if (options.dry_run) {
    // A plan is worth seeing before the settings are complete.
    try {
      require_settings(planned, config);
    } catch (const core::Error& e) {
      core::log_warn("a real run would stop here: {}", e.what());
    }
    count_dry_run(planned, result);
    return result;
  }
  require_settings(planned, config);
  Replayer replayer(conn, config, options, result);
  for (const auto& p : planned) {
    replayer.replay(p);
    result.api_calls = replayer.api_calls();
    if (options.after_entry) options.after_entry(result);
  }
  return result;
}

}  // namespace tshsync::webhooks
