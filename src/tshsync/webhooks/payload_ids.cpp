#include <tshsync/webhooks/payload_ids.hpp>

#include <algorithm>
#include <cctype>

namespace tshsync::webhooks {

namespace {

// A string holding JSON becomes that JSON; anything else stays as it is.
nlohmann::json unwrapped(const nlohmann::json& value) {
  if (!value.is_string()) return value;
  const nlohmann::json parsed = nlohmann::json::parse(value.get<std::string>(), nullptr, false);
  return parsed.is_discarded() ? value : parsed;
}

// The objects a record may sit in: the payload, its wrappers, and the entity
// object inside each of them, most specific first.
std::vector<nlohmann::json> containers(const nlohmann::json& payload, const std::string& entity) {
  std::vector<nlohmann::json> levels{unwrapped(payload)};
  for (const char* wrapper : {"JSONString", "data", "payload"}) {
    const nlohmann::json& top = levels.front();
    if (top.is_object() && top.contains(wrapper)) levels.push_back(unwrapped(top[wrapper]));
  }
  std::vector<nlohmann::json> out;
  for (const auto& level : levels) {
    if (level.is_object() && level.contains(entity)) out.push_back(unwrapped(level[entity]));
  }
  for (auto& level : levels) out.push_back(std::move(level));
  out.erase(std::remove_if(out.begin(), out.end(), [](const nlohmann::json& j) { return !j.is_object(); }), out.end());
  return out;
}

std::optional<std::string> id_text(const nlohmann::json& value) {
  std::string id;
  if (value.is_string())
    id = value.get<std::string>();
  else if (value.is_number_unsigned())
    id = std::to_string(value.get<unsigned long long>());
  else if (value.is_number_integer() && value.get<long long>() > 0)
    id = std::to_string(value.get<long long>());
  if (!is_zoho_id(id)) return std::nullopt;
  return id;
}

}  // namespace

bool is_zoho_id(const std::string& id) {
  return !id.empty() && id.size() <= 40 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

std::optional<std::string> find_record_id(const nlohmann::json& payload, const std::string& entity,
                                          const std::string& key) {
  for (const auto& object : containers(payload, entity)) {
    if (const auto it = object.find(key); it != object.end()) {
      if (auto id = id_text(*it)) return id;
    }
  }
  return std::nullopt;
}

std::vector<std::string> find_line_item_ids(const nlohmann::json& payload, const std::string& entity) {
  std::vector<std::string> ids;
  for (const auto& object : containers(payload, entity)) {
    const auto lines = object.find("line_items");
    if (lines == object.end() || !lines->is_array()) continue;
    for (const auto& line : *lines) {
      if (!line.is_object() || !line.contains("item_id")) continue;
      if (auto id = id_text(line["item_id"]); id && std::find(ids.begin(), ids.end(), *id) == ids.end())
        ids.push_back(*id);
    }
    if (!ids.empty()) break;
  }
  return ids;
}

}  // namespace tshsync::webhooks
