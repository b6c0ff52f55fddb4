#include <tshsync/zoho/envelope.hpp>

#include <algorithm>
#include <cctype>

#include <tshsync/http/retry_policy.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::zoho {
namespace {

constexpr long kCodeNotAuthenticated = 14;
constexpr long kCodeRateLimit = 44;
constexpr long kCodeDailyLimit = 45;
constexpr long kCodeTooManyInProcess = 1070;  // Zoho's concurrency limit
constexpr long kCodeNotAuthorized = 57;
constexpr long kCodeInternalError = 1000;
constexpr long kCodeDoesNotExist = 1002;

bool looks_like_html(const std::string& content_type, const std::string& body) {
  if (content_type.find("html") != std::string::npos) return true;
  const auto first = std::find_if(body.begin(), body.end(), [](unsigned char c) { return std::isspace(c) == 0; });
  return first != body.end() && *first == '<';
}

struct ParsedBody {
  nlohmann::json json;  // an object, or null
  std::string problem;  // why it is not usable: "invalid JSON", ...
};

ParsedBody parse_body(const std::string& content_type, const std::string& body, const JsonPath* big_array) {
  ParsedBody parsed;
  if (body.empty()) {
    parsed.problem = "an empty body";
    return parsed;
  }
  if (looks_like_html(content_type, body)) {
    parsed.problem = "an HTML page";
    return parsed;
  }
  try {
    nlohmann::json json = big_array != nullptr ? parse_without_elements(body, *big_array) : nlohmann::json::parse(body);
    if (json.is_object()) {
      parsed.json = std::move(json);
    } else {
      parsed.problem = "JSON that is not an object";
    }
  } catch (const nlohmann::json::parse_error& e) {
    // The parser ran off the end: the body was cut short.
    parsed.problem = e.byte >= body.size() ? "truncated JSON" : "invalid JSON";
  }
  return parsed;
}

// Members are looked up with find_field, not json::find: GCC 12 at -O2 cannot
// tell that json's iterators are never null and warns (-Wnull-dereference).
std::optional<long> code_of(const nlohmann::json& body) {
  const nlohmann::json* code = find_field(body, "code");
  if (code == nullptr || !code->is_number_integer()) return std::nullopt;
  return code->get<long>();
}

std::string describe(long status, const ParsedBody& parsed, const std::optional<long>& code) {
  std::string text = "HTTP " + std::to_string(status);
  if (!parsed.problem.empty()) return text + " with " + parsed.problem;
  if (code) {
    text += " code " + std::to_string(*code);
    const nlohmann::json* message = find_field(parsed.json, "message");
    if (message != nullptr && message->is_string()) {
      text += " (" + server_text(message->get<std::string>()) + ")";
    }
  }
  return text;
}

ApiVerdict decide(long status, const ParsedBody& parsed, const std::optional<long>& code) {
  // Zoho signals throttling by code, and not always with HTTP 429 (1070 in
  // particular): the code decides first, whatever the status.
  if (code == kCodeDailyLimit) return ApiVerdict::daily_limit;
  if (code && (*code == kCodeRateLimit || *code == kCodeTooManyInProcess)) return ApiVerdict::rate_limited;
  if (status == 401 || code == kCodeNotAuthorized || code == kCodeNotAuthenticated) return ApiVerdict::unauthorized;
  if (status == 429) return ApiVerdict::rate_limited;
  if (code == kCodeDoesNotExist) return ApiVerdict::not_found;
  if (status >= 200 && status < 300) {
    if (!parsed.problem.empty()) return ApiVerdict::retry;  // a proxy or a cut transfer, not Zoho's answer
    if (!code) return ApiVerdict::fail;
    if (*code == 0) return ApiVerdict::ok;
    if (*code == kCodeInternalError) return ApiVerdict::retry;
    return ApiVerdict::fail;
  }
  return http::classify(status) == http::Verdict::retry ? ApiVerdict::retry : ApiVerdict::fail;
}

}  // namespace

std::string server_text(const std::string& text) {
  constexpr std::size_t max_length = 200;
  std::string line = util::redact(text);
  std::replace_if(
      line.begin(), line.end(), [](unsigned char c) { return std::iscntrl(c) != 0; }, ' ');
  if (line.size() > max_length) {
    std::size_t cut = max_length;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) --cut;  // keep UTF-8 whole
    line = line.substr(0, cut) + "...";
  }
  return line;
}

ApiAnswer check_api_response(long status, const std::string& content_type, const std::string& body,
                             const JsonPath* big_array) {
  ParsedBody parsed = parse_body(content_type, body, big_array);
  ApiAnswer answer;
  if (parsed.json.is_object()) answer.code = code_of(parsed.json);
  answer.verdict = decide(status, parsed, answer.code);
  answer.reason = describe(status, parsed, answer.code);
  if (parsed.json.is_object() && !answer.code) answer.reason += " without a code";
  if (answer.verdict == ApiVerdict::ok) answer.body = std::move(parsed.json);
  return answer;
}

}  // namespace tshsync::zoho
