#include <tshsync/app/command_runner.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

#include <pqxx/pqxx>
#include <tshsync/alerts/run_alerts.hpp>

#include <tshsync/app/cancellation.hpp>
#include <tshsync/app/inspection_runner.hpp>
#include <tshsync/app/metrics_output.hpp>
#include <tshsync/app/query_canceller.hpp>
#include <tshsync/app/run_summary.hpp>
#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/core/log_notice.hpp>
#include <tshsync/db/advisory_lock.hpp>
#include <tshsync/db/connection.hpp>
#include <tshsync/db/migrations.hpp>
#include <tshsync/db/run_ledger.hpp>
#include <tshsync/db/session_limits.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/util/time_format.hpp>

namespace tshsync::app {

namespace {

double epoch_now() { return util::to_epoch_seconds(std::chrono::system_clock::now()); }

core::RunStatus status_for(core::ExitCode code) {
  switch (code) {
    case core::ExitCode::success:
      return core::RunStatus::success;
    case core::ExitCode::problems:
      return core::RunStatus::problems;
    case core::ExitCode::partial:
      return core::RunStatus::partial;
    default:
      return core::RunStatus::failed;
  }
}

std::string ledger_status_for(core::ExitCode code) {
  switch (code) {
    case core::ExitCode::success:
    case core::ExitCode::problems:
      return "success";
    case core::ExitCode::partial:
      return "partial";
    default:
      return "failed";
  }
}

void apply_verbosity(const GlobalOptions& global) {
  if (global.quiet)
    core::set_verbosity(core::Verbosity::quiet);
  else if (global.verbose)
    core::set_verbosity(core::Verbosity::verbose);
}

// Runs `work`, turning every way it can fail into an exit code and one line.
core::ExitCode guarded(const std::function<core::ExitCode()>& work, std::string& error) {
  try {
    try {
      return work();
    } catch (const core::Error&) {
      throw;
    } catch (const pqxx::failure& e) {
      if (cancel_flag().requested()) throw_if_cancelled();
      db::rethrow_as_error(e);
    } catch (const std::bad_alloc&) {
      throw core::Error(core::ExitCode::software, "out of memory");
    } catch (const std::exception& e) {
      if (cancel_flag().requested()) throw_if_cancelled();
      throw core::Error(core::ExitCode::software, std::string("unexpected error: ") + e.what());
    }
  } catch (const core::Error& e) {
    error = util::redact(e.what());
    return e.code();
  }
}

// Runs the command body so that a signal cancels a statement it waits on,
// and a lock or statement timeout names what other sessions hold.
core::ExitCode run_cancellable(pqxx::connection& conn, const std::function<core::ExitCode()>& work) {
  QueryCanceller canceller(conn, cancel_flag());
  try {
    return work();
  } catch (const pqxx::sql_error& e) {
    if (cancel_flag().requested() || !db::is_operational(e)) throw;
    std::string blocking;
    try {
      blocking = db::blocking_relations(conn);
    } catch (const std::exception&) {
      // naming the blocker is a courtesy
    }
    db::throw_operational(e, blocking);
  }
}

// The run's last word on stderr. A lock skip is routine (the run holding it
// reports), so -q hides it; under -q a run that exits 1 or 2 still says why
// in one line, so cron mails it.
void report_on_stderr(const GlobalOptions& global, const std::string& command, core::ExitCode code,
                      const std::string& error, bool skipped, const core::RunReport& report) {
  if (skipped) {
    core::log_warn("{}", error);
  } else if (!error.empty()) {
    core::log_error("{}", error);
  } else if (global.quiet && (code == core::ExitCode::problems || code == core::ExitCode::partial)) {
    core::log_notice("{}", run_summary_line(command, code, report));
  }
}

// A run without lock, ledger or alerts (verify-signature, status, check).
// Neither syncs anything, so none moves the last success.
int run_unlocked(const GlobalOptions& global, const std::string& name,
                 const std::function<core::ExitCode(core::RunReport&)>& body,
                 const std::function<void(const core::RunOutcome&)>& emit) {
  apply_verbosity(global);
  core::RunOutcome outcome;
  outcome.command = name;
  outcome.started_at = epoch_now();
  const auto t0 = std::chrono::steady_clock::now();
  core::RunReport& report = outcome.report;
  std::string error;
  const core::ExitCode code = guarded([&] { return body(report); }, error);
  report_on_stderr(global, name, code, error, false, report);
  outcome.exit_code = code;
  outcome.status = status_for(code);
  outcome.marks_success = false;
  outcome.error = error;
  outcome.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  emit(outcome);
  return core::to_int(outcome.exit_code);
}

}  // namespace

int run_command(const GlobalOptions& global, const CommandSpec& spec, const CommandBody& body) {
  apply_verbosity(global);
  install_signal_handlers();
  core::RunOutcome outcome;
  outcome.command = spec.name;
  outcome.started_at = epoch_now();
  const auto t0 = std::chrono::steady_clock::now();

  core::Config config;
  core::RunReport& report = outcome.report;
  alerts::RunAlerts run_alerts;
  bool skipped = false;
  std::string error;

  const core::ExitCode code = guarded(
      [&]() -> core::ExitCode {
        config = core::load_config({global.config_path, global.dsn});
        db::set_session_limits(config.database.lock_timeout, config.database.statement_timeout);
        run_alerts = alerts::RunAlerts(config, spec.dry_run);
        run_alerts.run_started(spec.name);
        auto conn = db::connect(config.database.dsn);
        if (spec.needs_schema) db::require_current_schema(*conn);

        const bool takes_lock = spec.writes && !spec.dry_run;
        // A dry run takes a lock of its own: it never waits for (or blocks) a real run's.
        db::AdvisoryLock lock(*conn, spec.dry_run ? spec.name + ":dry-run" : spec.name);
        if (spec.writes && !lock.try_acquire()) {
          skipped = true;
          throw core::temp_fail_error("another " + spec.name + " run holds the lock; skipped");
        }
        // The integrity trigger reads the default list from the database; the
        // operator sets it in the configuration. Every writing run aligns them.
        if (takes_lock && spec.needs_schema) {
          pqxx::nontransaction tx(*conn);
          tx.exec_params(
              "UPDATE tshsync_settings SET value = $1, updated_at = now()"
              " WHERE key = 'default_pricelist' AND value IS DISTINCT FROM $1",
              config.sync.default_pricelist);
        }
        std::unique_ptr<db::RunLedger> ledger;
        if (spec.uses_ledger && !spec.dry_run) {
          ledger = std::make_unique<db::RunLedger>(*conn, spec.name);
          if (const int orphans = ledger->fail_orphans(); orphans > 0) {
            core::log_warn("marked {} in_progress {} run(s) left by a killed process as failed", orphans, spec.name);
            report.set("orphans_failed", orphans);
          }
          ledger->start();
        }
        std::string body_error;
        const core::ExitCode body_code = guarded(
            [&] {
              RunContext ctx{config, *conn, report, spec.dry_run};
              const core::ExitCode c = run_cancellable(*conn, [&] { return body(ctx); });
              throw_if_cancelled();
              return c;
            },
            body_error);
        if (ledger) {
          try {
            ledger->finish(ledger_status_for(body_code), report.records_synced, body_error, report.counts());
          } catch (const std::exception& e) {
            core::log_warn("could not close the sync_logs row: {}", e.what());
          }
        }
        if (!body_error.empty()) throw core::Error(body_code, body_error);
        return body_code;
      },
      error);

  report_on_stderr(global, spec.name, code, error, skipped, report);
  outcome.exit_code = code;
  outcome.status = skipped ? core::RunStatus::skipped : status_for(code);
  outcome.marks_success = !spec.dry_run;
  outcome.error = error;
  if (spec.dry_run) report.set("dry_run", true);
  outcome.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  emit_metrics(config.metrics, outcome);
  run_alerts.run_finished(outcome);
  return core::to_int(outcome.exit_code);
}

int run_offline_command(const GlobalOptions& global, const std::string& name,
                        const std::function<core::ExitCode(const core::Config&, core::RunReport&)>& body) {
  core::Config config;
  return run_unlocked(
      global, name,
      [&](core::RunReport& report) {
        config = core::load_config({global.config_path, global.dsn});
        return body(config, report);
      },
      [&](const core::RunOutcome& outcome) { emit_metrics(config.metrics, outcome); });
}

int run_inspection(const GlobalOptions& global, const std::string& name, const InspectionBody& body) {
  return run_unlocked(
      global, name,
      [&](core::RunReport& report) {
        return body(core::ConfigSources{global.config_path, global.dsn}, report);
      },
      [](const core::RunOutcome& outcome) {
        std::fputs((metrics_line(outcome) + "\n").c_str(), stdout);
        std::fflush(stdout);
      });
}

}  // namespace tshsync::app
