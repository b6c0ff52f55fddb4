#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <tshsync/zoho/json_elements.hpp>

namespace tshsync::zoho {

// What one API response means for the caller. Zoho reports some failures
// inside HTTP 200 bodies, so the status alone never decides.
enum class ApiVerdict {
  ok,            // code 0: the body is the envelope
  not_found,     // code 1002 "does not exist"
  unauthorized,  // HTTP 401 or code 57: refresh the token once, retry once
  rate_limited,  // HTTP 429 (per minute): wait as told, retry
  daily_limit,   // HTTP 429 code 45: the organization's day is spent; stop now
  retry,         // 5xx, 408, code 1000, or a body that is not whole JSON
  fail,          // anything else: Zoho's message says why
};

struct ApiAnswer {
  ApiVerdict verdict = ApiVerdict::fail;
  nlohmann::json body;       // the parsed body when it was a JSON object
  std::optional<long> code;  // Zoho's `code`, when the body had one
  std::string reason;        // one line, no secrets: "HTTP 503 code 1000 (Internal error)"
};

// With `big_array`, the array at that path comes back empty in `body`
// (read its elements from the text with for_each_element).
ApiAnswer check_api_response(long status, const std::string& content_type, const std::string& body,
                             const JsonPath* big_array = nullptr);

// Zoho's `message` (or any server text) made fit for a log line: one line,
// at most 200 characters, registered secrets hidden.
std::string server_text(const std::string& text);

}  // namespace tshsync::zoho
