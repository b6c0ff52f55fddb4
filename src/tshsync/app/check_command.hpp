#pragma once

#include <tshsync/core/config.hpp>
#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/run_report.hpp>

namespace tshsync::app {

// tshsync check: is this installation able to run? Shows where each setting
// came from (file, environment, flag; secrets as set/unset), connects to
// PostgreSQL and reads its schema version, gets one Zoho token and makes one
// organization call. Each failure is one line with its exit code and a fix;
// the exit code is the first failure's (0 when all pass).
// Also that the metrics destinations are writable. Counts: config_file,
// metrics, database, zoho ("ok", "failed", "skipped"), schema_version,
// api_calls.
core::ExitCode check_command(const core::ConfigSources& sources, core::RunReport& report);

}  // namespace tshsync::app
