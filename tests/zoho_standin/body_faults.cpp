#include "body_faults.hpp"

#include "admin_patches.hpp"

#include <stdexcept>

namespace zoho_standin {
namespace {

// The end of the JSON value starting at `at` (a string, or a bare token).
std::size_t value_end(const std::string& body, std::size_t at) {
  if (at < body.size() && body[at] == '"') {
    for (std::size_t i = at + 1; i < body.size(); ++i) {
      if (body[i] == '\\') {
        ++i;
      } else if (body[i] == '"') {
        return i + 1;
      }
    }
    return body.size();
  }
  std::size_t i = at;
  while (i < body.size() && body[i] != ',' && body[i] != '}' && body[i] != ']') {
    ++i;
  }
  return i;
}

// The closing brace of the object opened at `open`, strings skipped.
std::size_t object_end(const std::string& body, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < body.size(); ++i) {
    if (body[i] == '"') {
      i = value_end(body, i) - 1;
    } else if (body[i] == '{' || body[i] == '[') {
      ++depth;
    } else if ((body[i] == '}' || body[i] == ']') && --depth == 0) {
      return i;
    }
  }
  return body.size();
}

std::string from_hex(const std::string& hex) {
  if (hex.size() % 2 != 0 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
    throw std::invalid_argument("fault \"raw_hex\" must be pairs of hex digits");
  }
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

std::string text_of(const nlohmann::json& rule, const char* key) {
  if (!rule.contains(key) || !rule.at(key).is_string()) {
    throw std::invalid_argument(std::string("this fault needs a string \"") + key + "\"");
  }
  return rule.at(key).get<std::string>();
}

}  // namespace

BodyEdit parse_body_edit(const std::string& kind, const nlohmann::json& rule) {
  BodyEdit edit;
  if (kind == "raw_field") {
    edit.item_id = text_of(rule, "item_id");
    edit.field = text_of(rule, "field");
    if (rule.contains("raw") && !rule.at("raw").is_null()) {
      edit.raw = text_of(rule, "raw");
    } else if (rule.contains("raw_hex")) {
      edit.raw = from_hex(text_of(rule, "raw_hex"));  // bytes no JSON rule can hold (invalid UTF-8)
    }
  } else if (kind == "rewrite") {
    edit.find = text_of(rule, "find");
    edit.replace = text_of(rule, "replace");
    if (edit.find.empty()) {
      throw std::invalid_argument("fault \"find\" must not be empty");
    }
  } else if (kind == "drop_item") {
    edit.item_id = text_of(rule, "item_id");
  } else if (kind == "patch_item") {
    edit.item_id = text_of(rule, "item_id");
    if (!rule.contains("patch") || !rule.at("patch").is_object()) {
      throw std::invalid_argument("this fault needs an object \"patch\"");
    }
    edit.patch = rule.at("patch");
    (void)parse_item_patch(edit.patch);  // a bad patch is refused now, not when it fires
  }
  return edit;
}

std::string set_raw_field(std::string body, const std::string& item_id, const std::string& field,
                          const std::optional<std::string>& raw) {
  const std::size_t id_at = body.find("\"item_id\":\"" + item_id + "\"");
  if (id_at == std::string::npos) {
    return body;
  }
  const std::size_t open = body.rfind('{', id_at);
  const std::size_t close = object_end(body, open);
  const std::string key = "\"" + field + "\":";
  const std::size_t key_at = body.find(key, open);
  if (key_at == std::string::npos || key_at > close) {
    if (raw) {
      body.insert(open + 1, key + *raw + ",");
    }
    return body;
  }
  const std::size_t start = key_at + key.size();
  const std::size_t end = value_end(body, start);
  if (raw) {
    body.replace(start, end - start, *raw);
  } else {
    const bool comma_after = end < body.size() && body[end] == ',';
    body.erase(comma_after ? key_at : key_at - 1, end - key_at + 1);
  }
  return body;
}

std::string replace_all(std::string body, const std::string& find, const std::string& replace) {
  for (std::size_t at = body.find(find); at != std::string::npos; at = body.find(find, at + replace.size())) {
    body.replace(at, find.size(), replace);
  }
  return body;
}

std::string drop_item_object(std::string body, const std::string& item_id) {
  const std::size_t id_at = body.find("\"item_id\":\"" + item_id + "\"");
  if (id_at == std::string::npos) {
    return body;
  }
  std::size_t open = body.rfind('{', id_at);
  std::size_t close = object_end(body, open) + 1;
  if (close < body.size() && body[close] == ',') {
    ++close;  // the comma after it
  } else if (open > 0 && body[open - 1] == ',') {
    --open;  // the last element: the comma before it
  }
  body.erase(open, close - open);
  return body;
}

}  // namespace zoho_standin
