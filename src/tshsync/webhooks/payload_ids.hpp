#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Which Zoho record a stored webhook payload is about. The payload is only a
// hint for what to fetch: nothing else in it is ever used.
namespace tshsync::webhooks {

// Looks for `key` ("item_id") leniently: at the top, under `entity` ("item"),
// and under a "data" or "payload" wrapper; JSON held in a string (Zoho's
// form-encoded ${JSONString}) is parsed. Numbers are accepted. Only ids that
// look like Zoho ids (letters and digits, at most 40) are returned, so a
// forged payload cannot steer the request path.
std::optional<std::string> find_record_id(const nlohmann::json& payload, const std::string& entity,
                                          const std::string& key);

// The item ids of an inventory adjustment's line_items, wherever the record sits.
std::vector<std::string> find_line_item_ids(const nlohmann::json& payload, const std::string& entity);

// True for a non-empty string of at most 40 ASCII letters and digits.
bool is_zoho_id(const std::string& id);

}  // namespace tshsync::webhooks
