#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <tshsync/util/epoch.hpp>

namespace tshsync::util {

// "2026-11-29T01:23:45Z" (whole seconds) or with milliseconds when asked.
std::string format_utc_iso8601(SystemTime t, bool with_millis = false);

// Parses Zoho's "2013-11-08T18:24:51+0530" (and "+05:30", "Z"). Empty when malformed.
std::optional<SystemTime> parse_zoho_timestamp(std::string_view text);

// Formats for Zoho's last_modified_time filter: "2025-10-08T09:15:00+0000".
std::string format_zoho_timestamp(SystemTime t);

}  // namespace tshsync::util
