#include <tshsync/zoho/item.hpp>

#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include <tshsync/util/ascii.hpp>
#include <tshsync/zoho/record_text.hpp>

namespace tshsync::zoho {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// [+-]digits[.digits][e[+-]digits], at least one digit in the mantissa: what
// PostgreSQL's numeric input accepts, minus NaN and Infinity.
bool is_decimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

bool non_empty(const nlohmann::json& record, const char* key) {
  const nlohmann::json* it = find_field(record, key);
  if (it == nullptr || it->is_null()) return false;
  if (it->is_string()) return !util::trim_space(it->get_ref<const std::string&>()).empty();
  if (it->is_number()) return it->get<double>() != 0;
  return false;
}

bool status_active(const nlohmann::json& record, const std::string& id) {
  const std::string status = text_field(record, "status");
  if (status == "active") return true;
  if (status == "inactive") return false;
  throw RecordError(id, status.empty() ? "no status" : "unknown status \"" + status + "\"");
}

}  // namespace

const nlohmann::json* find_field(const nlohmann::json& record, const std::string& key) {
  if (!record.is_object()) return nullptr;
  const auto& object = record.get_ref<const nlohmann::json::object_t&>();
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &found->second;
}

namespace {

// The id text, or why there is none ("no item_id", "unusable item_id").
std::string id_text(const nlohmann::json& record, const char* key, std::string& why_none) {
  const nlohmann::json* it = find_field(record, key);
  if (it == nullptr || it->is_null()) {
    why_none = std::string("no ") + key;
    return {};
  }
  // Ids are long numbers: an unsigned or signed integer is exact, a double is not.
  if (it->is_number_unsigned()) return std::to_string(it->get<uint64_t>());
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_string()) {
    const std::string_view text = util::trim_space(it->get_ref<const std::string&>());
    if (!text.empty()) return std::string(text);
  }
  why_none = std::string("unusable ") + key;
  return {};
}

}  // namespace

std::string id_field(const nlohmann::json& record, const char* key, const std::string& record_id) {
  std::string why_none;
  std::string id = id_text(record, key, why_none);
  if (!why_none.empty()) throw RecordError(record_id, why_none);
  return id;
}

std::string id_field(const nlohmann::json& record, const char* key) {
  std::string why_none;
  std::string id = id_text(record, key, why_none);
  if (!why_none.empty()) throw RecordError::without_id(std::string("(no ") + key + ")", why_none);
  return id;
}

std::string text_field(const nlohmann::json& record, const char* key) {
  const nlohmann::json* it = find_field(record, key);
  if (it == nullptr || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_unsigned()) return std::to_string(it->get<uint64_t>());
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  return it->dump();
}

std::optional<std::string> decimal_text(const nlohmann::json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  // The shortest text that reads back as the same double: what Zoho wrote.
  if (value.is_number_float()) return fmt::format("{}", value.get<double>());
  if (value.is_string()) {
    const std::string_view text = util::trim_space(value.get_ref<const std::string&>());
    if (is_decimal(text)) return std::string(text);
  }
  return std::nullopt;
}

std::optional<std::string> decimal_field(const nlohmann::json& record, const char* key, const std::string& record_id) {
  const nlohmann::json* it = find_field(record, key);
  if (it == nullptr || it->is_null()) return std::nullopt;
  if (it->is_string() && util::trim_space(it->get_ref<const std::string&>()).empty()) return std::nullopt;
  auto text = decimal_text(*it);
  if (!text) throw RecordError(record_id, fmt::format("{} is not a number: {}", key, it->dump()));
  check_decimal_range(*text, key, record_id);
  return text;
}

bool bool_field(const nlohmann::json& record, const char* key, bool fallback) {
  const nlohmann::json* it = find_field(record, key);
  if (it == nullptr || it->is_null()) return fallback;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_number()) return it->get<double>() != 0;
  if (it->is_string()) return it->get_ref<const std::string&>() == "true";
  return fallback;
}

std::string item_id_for_message(const nlohmann::json& record) {
  if (!record.is_object()) return "(not an object)";
  const std::string id = text_field(record, "item_id");
  return id.empty() ? "(no item_id)" : id;
}

Item parse_item(const nlohmann::json& record) {
  if (!record.is_object()) throw RecordError::without_id("(not an object)", "the item is not a JSON object");
  Item item;
  item.item_id = id_field(record, "item_id");
  const std::string& id = item.item_id;
  check_record_text(record, id);
  item.name = text_field(record, "name");
  if (item.name.empty()) throw RecordError(id, "no name");
  item.sku = text_field(record, "sku");
  item.description = text_field(record, "description");
  // A missing rate is not a price of 0: the product keeps the price it has.
  auto rate = decimal_field(record, "rate", id);
  if (!rate) throw RecordError(id, "rate is missing or null; the product keeps its price");
  item.rate = std::move(*rate);
  item.active = status_active(record, id);
  item.item_type = text_field(record, "item_type");
  item.product_type = text_field(record, "product_type");
  item.is_combo = bool_field(record, "is_combo_product", false);
  item.has_image =
      non_empty(record, "image_id") || non_empty(record, "image_name") || non_empty(record, "image_document_id");
  item.stock_on_hand = decimal_field(record, "stock_on_hand", id);
  item.available_stock = decimal_field(record, "available_stock", id);
  const std::string modified = text_field(record, "last_modified_time");
  const auto parsed = util::parse_zoho_timestamp(modified);
  if (!parsed) throw RecordError(id, "unusable last_modified_time \"" + modified + "\"");
  item.last_modified = *parsed;
  return item;
}

bool has_location_stock(const nlohmann::json& record) {
  const nlohmann::json* locations = find_field(record, "locations");
  const nlohmann::json* warehouses = find_field(record, "warehouses");
  return (locations != nullptr && locations->is_array()) || (warehouses != nullptr && warehouses->is_array());
}

std::vector<LocationStock> parse_item_locations(const nlohmann::json& record, const std::string& item_id) {
  std::vector<LocationStock> result;
  // Newer items: locations[] with location_* fields; older: warehouses[] with warehouse_*.
  for (const std::string prefix : {"location", "warehouse"}) {
    const nlohmann::json* list = find_field(record, prefix + "s");
    if (list == nullptr || !list->is_array() || list->empty()) continue;
    for (const auto& entry : *list) {
      if (!entry.is_object()) throw RecordError(item_id, prefix + " entry is not an object");
      check_record_text(entry, item_id);
      LocationStock stock;
      stock.location_id = id_field(entry, (prefix + "_id").c_str(), item_id);
      stock.name = text_field(entry, (prefix + "_name").c_str());
      stock.is_primary = bool_field(entry, "is_primary", false);
      stock.stock_on_hand = decimal_field(entry, (prefix + "_stock_on_hand").c_str(), item_id);
      stock.available_stock = decimal_field(entry, (prefix + "_available_stock").c_str(), item_id);
      stock.actual_available_stock = decimal_field(entry, (prefix + "_actual_available_stock").c_str(), item_id);
      stock.committed_stock = decimal_field(entry, (prefix + "_committed_stock").c_str(), item_id);
      stock.available_for_sale_stock = decimal_field(entry, (prefix + "_available_for_sale_stock").c_str(), item_id);
      stock.actual_available_for_sale_stock =
          decimal_field(entry, (prefix + "_actual_available_for_sale_stock").c_str(), item_id);
      stock.quantity_in_transit = decimal_field(entry, (prefix + "_quantity_in_transit").c_str(), item_id);
      if (!stock.is_primary) stock.is_primary = bool_field(entry, "is_primary_location", false);
      result.push_back(std::move(stock));
    }
    break;  // an item carries one or the other
  }
  return result;
}

}  // namespace tshsync::zoho
