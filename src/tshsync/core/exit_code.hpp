#pragma once

// The documented exit codes (README, man page). Values follow sysexits(3) so
// cron wrappers and monitoring can tell "retry later" from "fix the config".
namespace tshsync::core {

enum class ExitCode : int {
  success = 0,
  problems = 1,       // ran and found problems: validate errors, health alerts
  partial = 2,        // some records failed, the rest were applied
  usage = 64,         // bad command line
  data_error = 65,    // bad input data
  software = 70,      // a bug in tshsync: please report it
  unavailable = 69,   // database or Zoho unreachable after retries
  temp_fail = 75,     // locked, rate-limited, daily quota spent: retry later
  no_perm = 77,       // credentials refused
  config = 78,        // configuration error
  interrupted = 130,  // SIGINT (128 + 2); SIGTERM gives 143
};

constexpr int to_int(ExitCode code) { return static_cast<int>(code); }

}  // namespace tshsync::core
