#include "sink.hpp"

#include "crypto.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace zoho_standin {
namespace {

std::string header_value(const SinkRecord& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return {};
}

}  // namespace

const SinkRecord& SinkRegistry::receive(const std::string& name, SinkRecord request) {
  const SinkConfig& config = configs_[name];
  request.status_sent = config.status;
  if (!config.hmac_secret.empty()) {
    const std::string expected = hmac_sha256_hex(config.hmac_secret, request.body);
    request.signature_valid = constant_time_equal(header_value(request, config.signature_header), expected);
    if (!*request.signature_valid) {
      request.status_sent = 401;
    }
  }
  if (request.status_sent >= 400) {
    request.retry_after_sent = config.retry_after;
  }
  auto& records = records_[name];
  records.push_back(std::move(request));
  return records.back();
}

void SinkRegistry::configure(const std::string& name, const nlohmann::json& patch) {
  if (!patch.is_object()) {
    throw std::invalid_argument("expected a JSON object");
  }
  SinkConfig config = configs_[name];
  for (const auto& [key, value] : patch.items()) {
    if (key == "status" && value.is_number_integer()) {
      config.status = value.get<int>();
      if (config.status < 100 || config.status > 599) {
        throw std::invalid_argument("\"status\" must be an HTTP status");
      }
    } else if (key == "retry_after" && value.is_number_integer() && value.get<long>() >= 0) {
      config.retry_after = value.get<long>();
    } else if (key == "retry_after" && value.is_null()) {
      config.retry_after.reset();
    } else if (key == "hmac_secret" && value.is_string()) {
      config.hmac_secret = value.get<std::string>();
    } else if (key == "hmac_secret" && value.is_null()) {
      config.hmac_secret.clear();
    } else if (key == "signature_header" && value.is_string()) {
      config.signature_header = value.get<std::string>();
    } else {
      throw std::invalid_argument("unknown or mistyped sink field \"" + key + "\"");
    }
  }
  configs_[name] = config;
}

void SinkRegistry::clear(const std::string& name) {
  configs_.erase(name);
  records_.erase(name);
}

nlohmann::ordered_json SinkRegistry::requests_json(const std::string& name) const {
  auto requests = nlohmann::ordered_json::array();
  if (const auto it = records_.find(name); it != records_.end()) {
    for (const SinkRecord& record : it->second) {
      auto headers = nlohmann::ordered_json::object();
      for (const auto& [key, value] : record.headers) {
        // Repeated headers are joined, as HTTP allows.
        auto& slot = headers[key];
        slot = slot.is_null() ? value : slot.get<std::string>() + ", " + value;
      }
      requests.push_back({{"method", record.method},
                          {"path", record.path},
                          {"query", record.query},
                          {"headers", headers},
                          {"body", record.body},
                          {"signature_valid", record.signature_valid ? nlohmann::ordered_json(*record.signature_valid)
                                                                     : nlohmann::ordered_json(nullptr)},
                          {"status_sent", record.status_sent},
                          {"received_at", format_zoho_time(record.received_at)}});
    }
  }
  return {{"requests", requests}};
}

nlohmann::ordered_json SinkRegistry::summary_json() const {
  auto sinks = nlohmann::ordered_json::object();
  for (const auto& [name, records] : records_) {
    sinks[name] = {{"requests", records.size()}};
  }
  for (const auto& [name, config] : configs_) {
    sinks[name]["status"] = config.status;
    sinks[name]["checks_signature"] = !config.hmac_secret.empty();
  }
  return {{"sinks", sinks}};
}

}  // namespace zoho_standin
