#pragma once

#include <tshsync/core/config.hpp>
#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/run_report.hpp>

namespace tshsync::app {

struct StatusOptions {
  bool json = false;  // --json: the whole report on stdout, before the metrics line
};

// What the database knows, without psql and without calling Zoho: per command
// the last run, last success and last error (UTC and age) and its
// tshsync_state keys (cursor, checkpoint, strategy), the schema version, dead
// letters by state, the cached token's expiry, today's API calls against the
// budget. Exit 1 when a scheduled command is overdue ([health].stale_after).
// Counts: schema_version, overdue (the overdue commands), api_calls_today,
// dead_letters (by state).
core::ExitCode status_command(const core::ConfigSources& sources, core::RunReport& report,
                              const StatusOptions& options);

}  // namespace tshsync::app
