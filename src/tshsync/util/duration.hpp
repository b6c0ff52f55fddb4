#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace tshsync::util {

// Parses operator-friendly durations: "90s", "15m", "1h", "90d", "1h30m".
// A bare number is seconds. Throws std::invalid_argument with a readable message.
std::chrono::seconds parse_duration(std::string_view text);

// "1h30m", "90d", "45s": the inverse of parse_duration, for messages.
std::string format_duration(std::chrono::seconds value);

}  // namespace tshsync::util
