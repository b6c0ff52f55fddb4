#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tshsync::util {

// Lower-case hex of the bytes.
std::string to_hex(std::string_view bytes);

// Hex digits of either case, even length; empty when anything else is there.
std::optional<std::string> decode_hex(std::string_view text);

// 0-15 for a hex digit of either case, -1 for anything else.
int hex_value(char c);

}  // namespace tshsync::util
