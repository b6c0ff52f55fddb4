#pragma once

#include <string>
#include <string_view>

namespace tshsync::util {

// Lower-cases ASCII letters only: header names, URL schemes and hosts, Zoho
// event types and location names are compared this way, whatever the locale.
std::string ascii_lower(std::string text);

// The text without leading and trailing whitespace.
std::string_view trim_space(std::string_view text);

}  // namespace tshsync::util
