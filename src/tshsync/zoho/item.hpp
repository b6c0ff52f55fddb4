#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tshsync/util/time_format.hpp>

namespace tshsync::zoho {

// One Zoho record that cannot be used. The caller skips it, counts it as
// failed and logs `record_id` with `reason`; the rest of the page goes on.
class RecordError : public std::runtime_error {
 public:
  // A record whose id is known.
  RecordError(std::string record_id, const std::string& reason) : RecordError(std::move(record_id), true, reason) {}
  // A record with no usable id: `stand_in` names it in messages ("(no item_id)", "(not an object)").
  static RecordError without_id(std::string stand_in, const std::string& reason) {
    return RecordError(std::move(stand_in), false, reason);
  }
  bool has_record_id() const { return has_record_id_; }
  // The record's id, or the text standing in for it.
  const std::string& record_id() const { return record_id_; }
  std::string reason() const { return what(); }

 private:
  RecordError(std::string record_id, bool has_record_id, const std::string& reason)
      : std::runtime_error(reason), record_id_(std::move(record_id)), has_record_id_(has_record_id) {}

  std::string record_id_;
  bool has_record_id_;
};

// The member `key` of an object, nullptr when absent or when `record` is not
// an object. (Looking up through the object map, not json iterators, also
// keeps GCC's -Wnull-dereference quiet at -O2.)
const nlohmann::json* find_field(const nlohmann::json& record, const std::string& key);

// Field readers shared by the record parsers. Zoho sends ids as numbers or
// text and figures as numbers or strings ("12.00"); numbers are kept as exact
// decimal text for PostgreSQL numeric columns (never rounded through a double
// twice). They throw RecordError naming the field.
std::string id_field(const nlohmann::json& record, const char* key, const std::string& record_id);
// The record's own id: when it is missing or unusable, a RecordError without
// an id, named "(no <key>)".
std::string id_field(const nlohmann::json& record, const char* key);
std::string text_field(const nlohmann::json& record, const char* key);  // "" when missing or null
// Absent, null or "" give nullopt; anything not a decimal number throws.
std::optional<std::string> decimal_field(const nlohmann::json& record, const char* key, const std::string& record_id);
// The decimal text of a JSON value (number or numeric string); nullopt when it is neither.
std::optional<std::string> decimal_text(const nlohmann::json& value);
bool bool_field(const nlohmann::json& record, const char* key, bool fallback);

// The fields of an item tshsync keeps.
struct Item {
  std::string item_id;
  std::string name;
  std::string sku;                             // "" when Zoho has none
  std::string description;                     // "" when Zoho has none
  std::string rate;                            // decimal text; "0" when Zoho sends none
  bool active = true;                          // status "active"
  std::string item_type;                       // inventory, sales, purchases, sales_and_purchases; "" when not sent
  std::string product_type;                    // goods, service; "" when not sent
  bool is_combo = false;                       // is_combo_product (Inventory)
  bool has_image = false;                      // image_id / image_name (Inventory) or image_document_id (Books)
  std::optional<std::string> stock_on_hand;    // decimal text, absent for non-stock items
  std::optional<std::string> available_stock;  // decimal text
  util::SystemTime last_modified{};
};

// Parses one element of GET /items, /items/{id} or /itemdetails. Throws
// RecordError (with the item id when there is one).
Item parse_item(const nlohmann::json& record);

// The item id of a record for messages, "(no item_id)" when it has none.
std::string item_id_for_message(const nlohmann::json& record);

// One location's (or warehouse's) stock of an item.
struct LocationStock {
  std::string location_id;
  std::string name;
  bool is_primary = false;
  std::optional<std::string> stock_on_hand;    // decimal text
  std::optional<std::string> available_stock;  // decimal text
  // The other figures Zoho gives per location (absent from older records).
  std::optional<std::string> actual_available_stock;
  std::optional<std::string> committed_stock;
  std::optional<std::string> available_for_sale_stock;
  std::optional<std::string> actual_available_for_sale_stock;
  std::optional<std::string> quantity_in_transit;
};

// Reads locations[] (newer Inventory items) or warehouses[] (older ones);
// empty when the item has neither. Throws RecordError on a malformed entry.
std::vector<LocationStock> parse_item_locations(const nlohmann::json& record, const std::string& item_id);

// Whether the record carries per-location stock at all (locations[] or warehouses[]).
bool has_location_stock(const nlohmann::json& record);

}  // namespace tshsync::zoho
