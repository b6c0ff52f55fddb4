#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tshsync::http {

// Where a URL points: enough to decide whether sending a token there is safe.
struct Origin {
  std::string scheme;  // lower case: "https"
  std::string host;    // lower case; IPv6 keeps its brackets: "[::1]"
  int port = 0;        // explicit or the scheme's default; 0 when unknown

  std::string to_string() const;  // "https://host:443"
};

// Parses with libcurl's own URL parser, so the check sees the URL exactly as
// the transfer will. Throws core::config_error on a malformed URL.
Origin parse_origin(const std::string& url);

// True for 127.0.0.0/8, ::1 (bare or bracketed) and "localhost".
bool is_loopback_host(std::string_view host);

// Refuses anything but https, or plain http to a loopback host (tests, local
// stand-ins): bearer tokens must never cross the network in clear text.
// Throws core::config_error.
void require_safe_url(const std::string& url);

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(std::string_view text);

// "a=1&b=x%20y" (no leading '?'); names and values are encoded.
std::string build_query(const std::vector<std::pair<std::string, std::string>>& params);

// Hides query values (tokens, secrets) and any user:password for log lines:
// "https://h/p?code=***&page=***".
std::string redact_url_query(std::string_view url);

}  // namespace tshsync::http
