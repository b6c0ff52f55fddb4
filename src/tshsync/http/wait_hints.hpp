#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <tshsync/util/epoch.hpp>

namespace tshsync::http {

// The waits a server asks for in its headers, uncapped and never negative;
// empty when the value is missing or unreadable.

// Retry-After: delay-seconds or an HTTP-date (RFC 9110 10.2.3).
std::optional<std::chrono::milliseconds> retry_after_wait(const std::string& value, util::SystemTime now);

// X-Rate-Limit-Reset: Zoho documents seconds until the window resets; an
// epoch timestamp (as some APIs send) is recognised by its size.
std::optional<std::chrono::milliseconds> rate_limit_reset_wait(const std::string& value, util::SystemTime now);

}  // namespace tshsync::http
