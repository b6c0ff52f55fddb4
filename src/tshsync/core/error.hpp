#pragma once

#include <stdexcept>
#include <string>

#include <tshsync/core/exit_code.hpp>

namespace tshsync::core {

// The exception that ends a run on purpose. Its message is a single line
// meant for an operator (no secrets, no stack trace) and it carries the exit
// code the run should end with; app::run_command maps it (and anything
// unexpected, as 70) in one place. zoho::BudgetExhausted is one of these.
// Four more types never leave the layer that catches them: http::TransportError
// (no HTTP response; its callers retry it, or turn it into an Error or a
// warning), zoho::RecordError (one bad record, counted as failed),
// webhooks::AttemptFailed and webhooks::NeedsHuman (one dead letter's outcome).
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
