#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace zoho_standin {

// What the body-editing fault kinds change in a real response (README "Faults"):
// raw_field sets one item's field to raw JSON text (or removes it), which can
// hold what a JSON library cannot build: a NUL escape, a lone surrogate,
// invalid UTF-8, 1e400; rewrite replaces every `find` with `replace`;
// patch_item changes an item after the response is built (an edit that lands
// while a listing runs); drop_item leaves one item's object out (an
// /itemdetails answer without an item that exists).
struct BodyEdit {
  std::string item_id;
  std::string field;
  std::optional<std::string> raw;  // none: remove the field
  std::string find;
  std::string replace;
  nlohmann::json patch;  // POST /_admin/items/{id} fields
};

// Reads the fields of a raw_field, rewrite, patch_item or drop_item rule; throws
// std::invalid_argument naming what is missing.
BodyEdit parse_body_edit(const std::string& kind, const nlohmann::json& rule);

// The body with item `item_id`'s `field` set to `raw` (inserted when absent,
// removed when `raw` is none); unchanged when the item is not in it.
std::string set_raw_field(std::string body, const std::string& item_id, const std::string& field,
                          const std::optional<std::string>& raw);

// The body without the object of item `item_id` (and its comma); unchanged
// when the item is not in it.
std::string drop_item_object(std::string body, const std::string& item_id);

// Every occurrence of `find` replaced.
std::string replace_all(std::string body, const std::string& find, const std::string& replace);

}  // namespace zoho_standin
