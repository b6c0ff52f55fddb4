#include "faults.hpp"

#include "zoho_error_bodies.hpp"

#include <stdexcept>

namespace zoho_standin {
namespace {

struct KindName {
  FaultKind kind;
  const char* name;
};

constexpr KindName kind_names[] = {
    {FaultKind::status, "status"},
    {FaultKind::rate_limit, "rate_limit"},
    {FaultKind::reset, "reset"},
    {FaultKind::invalid_json, "invalid_json"},
    {FaultKind::truncated_json, "truncated_json"},
    {FaultKind::html, "html"},
    {FaultKind::code_nonzero, "code_nonzero"},
    {FaultKind::slow, "slow"},
    {FaultKind::expire_tokens, "expire_tokens"},
    {FaultKind::zoho_error, "zoho_error"},
    {FaultKind::raw_field, "raw_field"},
    {FaultKind::rewrite, "rewrite"},
    {FaultKind::repeat_previous, "repeat_previous"},
    {FaultKind::patch_item, "patch_item"},
};

const char* name_of(FaultKind kind) {
  for (const auto& entry : kind_names) {
    if (entry.kind == kind) {
      return entry.name;
    }
  }
  return "?";
}

FaultKind kind_from_name(const std::string& name) {
  for (const auto& entry : kind_names) {
    if (name == entry.name) {
      return entry.kind;
    }
  }
  throw std::invalid_argument("unknown fault kind \"" + name + "\"");
}

template <class T>
T read(const nlohmann::json& rule, const char* key, T fallback) {
  if (!rule.contains(key)) {
    return fallback;
  }
  try {
    return rule.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument(std::string("fault field \"") + key + "\" has the wrong type");
  }
}

FaultRule parse_rule(const nlohmann::json& json) {
  if (!json.is_object()) {
    throw std::invalid_argument("each fault rule must be an object");
  }
  FaultRule rule;
  rule.path = read<std::string>(json, "path", "");
  rule.kind = kind_from_name(read<std::string>(json, "kind", ""));
  rule.status = read<int>(json, "status", 500);
  if (json.contains("retry_after")) {
    rule.retry_after = read<long>(json, "retry_after", 0);
    if (*rule.retry_after < 0) {
      throw std::invalid_argument("fault \"retry_after\" must be 0 or more seconds");
    }
  }
  rule.delay_ms = read<long>(json, "delay_ms", 0);
  if (rule.kind == FaultKind::zoho_error) {
    rule.code = read<int>(json, "code", 0);
    if (zoho_error_message(rule.code) == nullptr) {
      throw std::invalid_argument("fault \"code\" must be 14, 44, 45, 57 or 1070");
    }
    rule.status = read<int>(json, "status", default_status_of(rule.code));
  }
  rule.edit = parse_body_edit(read<std::string>(json, "kind", ""), json);
  if (json.contains("count")) {
    rule.count = read<long>(json, "count", 0);
  }
  if (json.contains("probability")) {
    rule.probability = read<double>(json, "probability", 0);
    if (*rule.probability < 0 || *rule.probability > 1) {
      throw std::invalid_argument("fault \"probability\" must be between 0 and 1");
    }
  }
  if (json.contains("every")) {
    rule.every = read<long>(json, "every", 1);
    if (*rule.every < 1) {
      throw std::invalid_argument("fault \"every\" must be at least 1");
    }
  }
  const int triggers = (rule.count ? 1 : 0) + (rule.probability ? 1 : 0) + (rule.every ? 1 : 0);
  if (triggers > 1) {
    throw std::invalid_argument("give at most one of \"count\", \"probability\", \"every\"");
  }
  if (rule.status < 100 || rule.status > 599) {
    throw std::invalid_argument("fault \"status\" must be an HTTP status");
  }
  return rule;
}

}  // namespace

bool replaces_response(FaultKind kind) {
  return kind == FaultKind::status || kind == FaultKind::rate_limit || kind == FaultKind::invalid_json ||
         kind == FaultKind::html || kind == FaultKind::code_nonzero || kind == FaultKind::zoho_error;
}

std::vector<FaultRule> parse_fault_rules(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("rules") || !body.at("rules").is_array()) {
    throw std::invalid_argument("expected {\"rules\": [...]}");
  }
  std::vector<FaultRule> rules;
  for (const auto& rule : body.at("rules")) {
    rules.push_back(parse_rule(rule));
  }
  return rules;
}

void FaultInjector::replace(std::vector<FaultRule> rules) {
  rules_ = std::move(rules);
  previous_bodies_.clear();
  rng_ = Rng(seed_);
}

std::optional<FiredFault> FaultInjector::decide(std::string_view path, bool token_endpoint) {
  for (FaultRule& rule : rules_) {
    const bool path_matches = token_endpoint ? !rule.path.empty() && path.find(rule.path) != std::string_view::npos
                                             : path.find(rule.path) != std::string_view::npos;
    if (!path_matches) {
      continue;
    }
    ++rule.matched;
    bool fires = true;
    if (rule.count) {
      fires = *rule.count > 0;
      *rule.count -= fires ? 1 : 0;
    } else if (rule.probability) {
      fires = rng_.chance(*rule.probability);
    } else if (rule.every) {
      fires = rule.matched % *rule.every == 0;
    }
    if (fires) {
      ++rule.fired;
      return FiredFault{rule.kind, rule.status, rule.retry_after, rule.delay_ms, rule.code, rule.edit};
    }
  }
  return std::nullopt;
}

bool FaultInjector::keeps_bodies() const {
  for (const FaultRule& rule : rules_) {
    if (rule.kind == FaultKind::repeat_previous) {
      return true;
    }
  }
  return false;
}

void FaultInjector::remember_body(std::string_view path, const std::string& body) {
  for (auto& [known, kept] : previous_bodies_) {
    if (known == path) {
      kept = body;
      return;
    }
  }
  previous_bodies_.emplace_back(std::string(path), body);
}

std::optional<std::string> FaultInjector::previous_body(std::string_view path) const {
  for (const auto& [known, kept] : previous_bodies_) {
    if (known == path) {
      return kept;
    }
  }
  return std::nullopt;
}

nlohmann::ordered_json FaultInjector::to_json() const {
  auto rules = nlohmann::ordered_json::array();
  for (const FaultRule& rule : rules_) {
    nlohmann::ordered_json json{{"path", rule.path}, {"kind", name_of(rule.kind)}};
    if (rule.kind == FaultKind::status) {
      json["status"] = rule.status;
    }
    if (rule.kind == FaultKind::rate_limit || rule.retry_after) {
      json["retry_after"] = rule.retry_after.value_or(1);
    }
    if (rule.kind == FaultKind::slow) {
      json["delay_ms"] = rule.delay_ms;
    }
    if (rule.kind == FaultKind::zoho_error) {
      json["status"] = rule.status;
      json["code"] = rule.code;
    }
    if (rule.count) {
      json["count_left"] = *rule.count;
    }
    if (rule.probability) {
      json["probability"] = *rule.probability;
    }
    if (rule.every) {
      json["every"] = *rule.every;
    }
    json["matched"] = rule.matched;
    json["fired"] = rule.fired;
    rules.push_back(std::move(json));
  }
  return {{"rules", rules}};
}

}  // namespace zoho_standin
