#pragma once

#include <optional>
#include <string>
#include <string_view>

// Text forms of a binary digest, as webhook senders put them in a header
// (hex: util/hex.hpp).
namespace tshsync::webhooks {

// Standard or URL-safe alphabet, padding optional; empty when malformed.
std::optional<std::string> decode_base64(std::string_view text);

// Standard alphabet with padding.
std::string to_base64(std::string_view bytes);

}  // namespace tshsync::webhooks
