#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zoho_standin {

using UnixSeconds = std::int64_t;

// The organization's timezone: Baghdad, +0300, no daylight saving.
constexpr int baghdad_offset_minutes = 180;

constexpr std::int64_t seconds_per_day = 86400;

// "2025-10-08T09:15:00+0300": Zoho's format, offset without a colon.
std::string format_zoho_time(UnixSeconds time, int offset_minutes = baghdad_offset_minutes);

// Parses exactly "yyyy-MM-ddTHH:mm:ss+HHMM" (or -HHMM). Anything else, including a trailing
// "Z" or "+03:00", gives nullopt: Zoho rejects those with code 2.
std::optional<UnixSeconds> parse_zoho_time(std::string_view text);

// Seconds since the epoch for a wall-clock time at the given offset.
UnixSeconds unix_from_civil(int year, int month, int day, int hour, int minute, int second,
                            int offset_minutes = baghdad_offset_minutes);

}  // namespace zoho_standin
