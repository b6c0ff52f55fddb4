#include <tshsync/zoho/token_response.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

#include <tshsync/http/retry_policy.hpp>

namespace tshsync::zoho {
namespace {

constexpr std::chrono::seconds kDefaultLifetime{3600};
constexpr long long kLongestLifetime = 86400;  // above this, Zoho's old API meant milliseconds

// The error key goes into messages: keep it short and plain.
std::string safe_error_key(const std::string& error) {
  std::string key;
  for (const char c : error) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '_' || c == ' ' || c == '.' || c == '-') key += c;
    if (key.size() >= 64) break;
  }
  return key.empty() ? "unknown error" : key;
}

std::optional<long long> seconds_of(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end()) return std::nullopt;
  if (it->is_number()) return static_cast<long long>(it->get<double>());
  if (it->is_string()) {
    try {
      return std::stoll(it->get<std::string>());
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::chrono::seconds lifetime_of(const nlohmann::json& body) {
  if (const auto seconds = seconds_of(body, "expires_in_sec"); seconds && *seconds > 0) {
    return std::chrono::seconds(*seconds);
  }
  const auto value = seconds_of(body, "expires_in");
  if (!value || *value <= 0) return kDefaultLifetime;
  return std::chrono::seconds(*value > kLongestLifetime ? *value / 1000 : *value);
}

std::string string_of(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool retryable(long status) { return http::classify(status) == http::Verdict::retry; }

}  // namespace

TokenAnswer check_token_response(long status, const std::string& body) {
  TokenAnswer answer;
  const std::string http = "HTTP " + std::to_string(status);
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) {
    answer.verdict = retryable(status) || (status >= 200 && status < 300) ? TokenVerdict::retry : TokenVerdict::fail;
    answer.reason = http + " with a body that is not a JSON object";
    return answer;
  }
  if (json.contains("error")) {
    const auto& error = json.at("error");
    answer.error = safe_error_key(error.is_string() ? error.get<std::string>() : error.dump());
    answer.reason = http + " error " + answer.error;
    if (answer.error == "Access Denied" || status == 429) {
      answer.verdict = TokenVerdict::throttled;
    } else if (status >= 500) {
      answer.verdict = TokenVerdict::retry;
    } else {
      answer.verdict = TokenVerdict::refused;
    }
    return answer;
  }
  answer.access_token = string_of(json, "access_token");
  if (status >= 200 && status < 300 && !answer.access_token.empty()) {
    answer.verdict = TokenVerdict::minted;
    answer.api_domain = string_of(json, "api_domain");
    answer.expires_in = lifetime_of(json);
    answer.reason = http + " token minted";
    return answer;
  }
  answer.access_token.clear();
  answer.verdict = retryable(status) ? TokenVerdict::retry : TokenVerdict::fail;
  answer.reason = http + " without an access token";
  return answer;
}

}  // namespace tshsync::zoho
