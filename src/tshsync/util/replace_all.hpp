#pragma once

#include <string>

namespace tshsync::util {

// `text` with every occurrence of `from` replaced by `to` (left to right; a
// replacement is not searched again).
std::string replace_all(std::string text, const std::string& from, const std::string& to);

}  // namespace tshsync::util
