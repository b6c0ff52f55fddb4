#pragma once

#include <chrono>
#include <string>

namespace tshsync::zoho {

// What an answer of POST {accounts}/oauth/v2/token means. Zoho puts errors in
// an "error" key, with HTTP 200 or 400; its texts are localized, so only the
// key and the status decide.
enum class TokenVerdict {
  minted,     // access_token is set
  throttled,  // "Access Denied": too many tokens for this refresh token; blocked for the window
  refused,    // invalid_client, invalid_code, ...: the credentials are wrong
  retry,      // 5xx, 408, 429 or a body that is not JSON: try again
  fail,       // anything else
};

struct TokenAnswer {
  TokenVerdict verdict = TokenVerdict::fail;
  std::string access_token;
  std::string api_domain;
  std::chrono::seconds expires_in{0};
  std::string error;   // Zoho's error key, reduced to safe characters
  std::string reason;  // one line, no secrets
};

TokenAnswer check_token_response(long status, const std::string& body);

}  // namespace tshsync::zoho
