#pragma once

#include "zoho_time.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zoho_standin {

// How a named sink answers; set with POST /_admin/sinks/{name}.
struct SinkConfig {
  int status = 200;
  std::optional<long> retry_after;  // Retry-After (seconds) on an error answer
  std::string hmac_secret;          // empty: signatures are not checked
  std::string signature_header = "X-Zoho-Signature";
};

struct SinkRecord {
  std::string method;
  std::string path;
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<bool> signature_valid;  // unset when the sink checks no signature
  int status_sent = 200;
  std::optional<long> retry_after_sent;
  UnixSeconds received_at = 0;
};

// A fake webhook receiver / alert listener: remembers every request by sink name.
// Not thread-safe: ServerState's mutex guards it.
class SinkRegistry {
 public:
  // Checks the signature if configured, decides the status, records and returns the record.
  const SinkRecord& receive(const std::string& name, SinkRecord request);

  // Merges {"status", "retry_after", "hmac_secret", "signature_header"} into the sink's config; throws
  // std::invalid_argument on a bad field.
  void configure(const std::string& name, const nlohmann::json& patch);
  // Forgets the sink's requests and config.
  void clear(const std::string& name);

  nlohmann::ordered_json requests_json(const std::string& name) const;
  nlohmann::ordered_json summary_json() const;

 private:
  std::map<std::string, SinkConfig> configs_;
  std::map<std::string, std::vector<SinkRecord>> records_;
};

}  // namespace zoho_standin
