#pragma once

#include <tshsync/core/error.hpp>

namespace tshsync::zoho {

// Errors that must end the run (budget spent, rate-limited, credentials,
// configuration, a signal), as opposed to one request Zoho refused, which a
// caller may answer by trying another endpoint.
inline bool must_stop(const core::Error& e) {
  const auto code = e.code();
  return code == core::ExitCode::temp_fail || code == core::ExitCode::no_perm || code == core::ExitCode::config ||
         core::to_int(code) >= 128;
}

}  // namespace tshsync::zoho
