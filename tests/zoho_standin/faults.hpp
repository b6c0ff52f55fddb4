#pragma once

#include "body_faults.hpp"
#include "rng.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zoho_standin {

enum class FaultKind {
  status,           // HTTP `status` with {"code":1000,"message":"Internal error"}
  rate_limit,       // 429 code 44, Retry-After `retry_after` (default 1)
  reset,            // headers and half the real body, then the connection closes
  invalid_json,     // 200 with a body that is not JSON
  truncated_json,   // 200, correct Content-Length, the real body cut in half
  html,             // 502 text/html page, as a proxy in front of Zoho would send
  code_nonzero,     // 200 {"code":1000,"message":"Internal Server Error"}
  slow,             // wait `delay_ms`, then serve normally
  expire_tokens,    // revoke every access token, then serve normally
  zoho_error,       // HTTP `status` with Zoho's real body for `code` (14, 44, 45, 57, 1070)
  raw_field,        // the real body with one item's field set to raw text (body_faults.hpp)
  rewrite,          // the real body with every `find` replaced by `replace`
  repeat_previous,  // the body served for the previous request on this path (a stale cache)
  patch_item,       // serve normally, then apply `patch` to item `item_id` (an edit mid-listing)
};

// Whether the request is answered without looking at the real response.
bool replaces_response(FaultKind kind);

struct FaultRule {
  std::string path;  // substring of the path after the API prefix; "" = any API path
  FaultKind kind = FaultKind::status;
  int status = 500;
  // Retry-After in seconds: rate_limit sends 1 unless told; the other answering kinds
  // (status, html, code_nonzero, invalid_json, truncated_json, zoho_error) send it only
  // when the rule names it, so a test can make the client's retry waits short.
  std::optional<long> retry_after;
  long delay_ms = 0;
  int code = 0;   // zoho_error: the Zoho code whose body is sent
  BodyEdit edit;  // raw_field, rewrite, patch_item
  // Trigger: at most one; none means every matching request.
  std::optional<long> count;  // the next N matching requests
  std::optional<double> probability;
  std::optional<long> every;  // every n-th matching request
  long matched = 0;
  long fired = 0;
};

struct FiredFault {
  FaultKind kind;
  int status;
  std::optional<long> retry_after;
  long delay_ms;
  int code = 0;
  BodyEdit edit;
};

// Parses {"rules":[...]}; throws std::invalid_argument naming the bad field.
std::vector<FaultRule> parse_fault_rules(const nlohmann::json& body);

// The active fault rules. Not thread-safe: ServerState's mutex guards it.
class FaultInjector {
 public:
  explicit FaultInjector(std::uint64_t seed) : seed_(seed), rng_(seed) {}

  // Replaces the rules and restarts the random sequence, so a test sees the same faults on
  // every run.
  void replace(std::vector<FaultRule> rules);
  void clear() { replace({}); }

  // The fault for this request, if a rule fires. The first rule that fires wins; rules after it
  // do not see the request. The token endpoint matches only rules naming part of its path.
  std::optional<FiredFault> decide(std::string_view path, bool token_endpoint);

  nlohmann::ordered_json to_json() const;

  // The body last served on a path, for repeat_previous (kept only while such a rule exists).
  bool keeps_bodies() const;
  void remember_body(std::string_view path, const std::string& body);
  std::optional<std::string> previous_body(std::string_view path) const;

 private:
  std::vector<std::pair<std::string, std::string>> previous_bodies_;
  std::uint64_t seed_;
  Rng rng_;
  std::vector<FaultRule> rules_;
};

}  // namespace zoho_standin
