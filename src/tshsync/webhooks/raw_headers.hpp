#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tshsync::webhooks {

// The value of header `name` (case-insensitive) in raw HTTP headers as an
// operator saved them: "Name: value" lines, LF or CRLF, an optional request or
// status line first, and curl -v's "> " / "< " prefixes tolerated. Reading
// stops at the blank line that ends the headers. Empty when absent.
std::optional<std::string> find_header(std::string_view raw_headers, std::string_view name);

}  // namespace tshsync::webhooks
