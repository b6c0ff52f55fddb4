#pragma once

#include <stdexcept>
#include <string>

#include <tshsync/core/exit_code.hpp>

namespace tshsync::core {

// The exception that ends a run. Its message is a single line meant for an
// operator (no secrets, no stack trace) and it carries the exit code the run
// should end with; app/command_runner maps it in one place. (zoho's
// BudgetExhausted is one.) Other exceptions stay inside a layer and are caught
// there or turned into this one: http::TransportError (no HTTP answer, or a
// cancelled transfer or wait), zoho::RecordError (one unusable record), and
// webhooks' AttemptFailed and NeedsHuman (one dead-letter entry).
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

inline Error config_error(const std::string& message) { return Error(ExitCode::config, message); }
inline Error usage_error(const std::string& message) { return Error(ExitCode::usage, message); }
inline Error unavailable_error(const std::string& message) { return Error(ExitCode::unavailable, message); }
inline Error temp_fail_error(const std::string& message) { return Error(ExitCode::temp_fail, message); }
inline Error data_error(const std::string& message) { return Error(ExitCode::data_error, message); }
inline Error credentials_error(const std::string& message) { return Error(ExitCode::no_perm, message); }

}  // namespace tshsync::core
