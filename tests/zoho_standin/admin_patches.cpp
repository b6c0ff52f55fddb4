#include "admin_patches.hpp"

#include "pricing.hpp"

#include <stdexcept>

namespace zoho_standin {
namespace {

[[noreturn]] void bad_field(const std::string& key, const char* expected) {
  throw std::invalid_argument("field \"" + key + "\" must be " + expected);
}

double number_of(const std::string& key, const nlohmann::json& value) {
  if (!value.is_number()) {
    bad_field(key, "a number");
  }
  return value.get<double>();
}

std::string string_of(const std::string& key, const nlohmann::json& value) {
  if (!value.is_string()) {
    bad_field(key, "a string");
  }
  return value.get<std::string>();
}

bool bool_of(const std::string& key, const nlohmann::json& value) {
  if (!value.is_boolean()) {
    bad_field(key, "true or false");
  }
  return value.get<bool>();
}

bool status_of(const std::string& key, const nlohmann::json& value) {
  const std::string status = string_of(key, value);
  if (status != "active" && status != "inactive") {
    bad_field(key, "\"active\" or \"inactive\"");
  }
  return status == "active";
}

void require_object(const nlohmann::json& json) {
  if (!json.is_object()) {
    throw std::invalid_argument("expected a JSON object");
  }
}

}  // namespace

ItemPatch parse_item_patch(const nlohmann::json& json) {
  require_object(json);
  ItemPatch patch;
  for (const auto& [key, value] : json.items()) {
    if (key == "name") {
      patch.name = string_of(key, value);
    } else if (key == "sku") {
      patch.sku = string_of(key, value);
    } else if (key == "unit") {
      patch.unit = string_of(key, value);
    } else if (key == "status") {
      patch.active = status_of(key, value);
    } else if (key == "rate") {
      patch.rate = number_of(key, value);
    } else if (key == "purchase_rate") {
      patch.purchase_rate = number_of(key, value);
    } else if (key == "stock_on_hand") {
      patch.stock_on_hand = number_of(key, value);
    } else if (key == "available_stock") {
      patch.available_stock = number_of(key, value);
    } else if (key == "actual_available_stock") {
      patch.actual_available_stock = number_of(key, value);
    } else if (key == "has_image") {
      patch.has_image = bool_of(key, value);
    } else if (key == "item_type") {
      patch.item_type = string_of(key, value);
      if (*patch.item_type != "inventory" && *patch.item_type != "sales" && *patch.item_type != "purchases" &&
          *patch.item_type != "sales_and_purchases") {
        bad_field(key, "inventory, sales, purchases or sales_and_purchases");
      }
    } else if (key == "product_type") {
      patch.product_type = string_of(key, value);
      if (*patch.product_type != "goods" && *patch.product_type != "service") {
        bad_field(key, "\"goods\" or \"service\"");
      }
    } else if (key == "is_combo_product") {
      patch.is_combo = bool_of(key, value);
    } else if (key == "available_for_sale_stock") {
      patch.for_sale_stock = number_of(key, value);
    } else if (key == "last_modified_time") {
      patch.last_modified_time = parse_zoho_time(string_of(key, value));
      if (!patch.last_modified_time) {
        bad_field(key, "like 2025-10-08T09:15:00+0300");
      }
    } else {
      throw std::invalid_argument("unknown item field \"" + key + "\"");
    }
  }
  return patch;
}

void apply_item_patch(Item& item, const ItemPatch& patch, UnixSeconds now) {
  item.name = patch.name.value_or(item.name);
  item.sku = patch.sku.value_or(item.sku);
  item.unit = patch.unit.value_or(item.unit);
  item.active = patch.active.value_or(item.active);
  item.rate = patch.rate.value_or(item.rate);
  item.purchase_rate = patch.purchase_rate.value_or(item.purchase_rate);
  item.has_image = patch.has_image.value_or(item.has_image);
  item.item_type = patch.item_type.value_or(item.item_type);
  item.product_type = patch.product_type.value_or(item.product_type);
  item.is_combo = patch.is_combo.value_or(item.is_combo);
  if (patch.for_sale_stock) {
    item.for_sale_stock = patch.for_sale_stock;
  }
  if (patch.stock_on_hand) {
    item.stock_on_hand = *patch.stock_on_hand;
    if (!patch.available_stock) {
      item.available_stock = item.stock_on_hand;
    }
  }
  item.available_stock = patch.available_stock.value_or(item.available_stock);
  if (patch.stock_on_hand || patch.available_stock) {
    item.actual_available_stock = item.available_stock;
  }
  item.actual_available_stock = patch.actual_available_stock.value_or(item.actual_available_stock);
  item.last_modified_time = patch.last_modified_time.value_or(now);
}

PricebookEntry parse_pricebook_entry(const std::string& item_id, const nlohmann::json& json) {
  require_object(json);
  PricebookEntry entry;
  entry.item_id = item_id;
  bool has_rate = false;
  std::string scheme = "unit";
  for (const auto& [key, value] : json.items()) {
    if (key == "pricebook_rate") {
      entry.pricebook_rate = number_of(key, value);
      has_rate = true;
    } else if (key == "pricebook_discount") {
      entry.discount = string_of(key, value);
    } else if (key == "unit_bracket") {
      entry.unit_bracket = bool_of(key, value);
    } else if (key == "pricing_scheme") {
      scheme = string_of(key, value);
      if (scheme != "unit" && scheme != "volume") {
        bad_field(key, "\"unit\" or \"volume\"");
      }
    } else if (key == "price_brackets") {
      if (!value.is_array()) {
        bad_field(key, "an array");
      }
      for (const auto& bracket : value) {
        require_object(bracket);
        entry.brackets.push_back({number_of("start_quantity", bracket.value("start_quantity", nlohmann::json())),
                                  number_of("end_quantity", bracket.value("end_quantity", nlohmann::json())),
                                  number_of("pricebook_rate", bracket.value("pricebook_rate", nlohmann::json()))});
      }
    } else {
      throw std::invalid_argument("unknown pricebook item field \"" + key + "\"");
    }
  }
  if (scheme == "volume" || !entry.brackets.empty()) {
    if (entry.brackets.empty()) {
      throw std::invalid_argument("volume pricing needs \"price_brackets\"");
    }
    entry.pricebook_rate = entry.brackets.front().pricebook_rate;
  } else if (!has_rate) {
    throw std::invalid_argument("field \"pricebook_rate\" is required");
  }
  return entry;
}

void validate_pricebook_patch(const nlohmann::json& json) {
  require_object(json);
  for (const auto& [key, value] : json.items()) {
    if (key == "name" || key == "currency_id" || key == "currency_code") {
      string_of(key, value);
    } else if (key == "status") {
      status_of(key, value);
    } else if (key == "percentage" || key == "decimal_place") {
      number_of(key, value);
    } else if (key == "is_increase" || key == "is_default") {
      bool_of(key, value);
    } else if (key == "rounding_type") {
      if (!is_rounding_type(string_of(key, value))) {
        bad_field(key,
                  "no_rounding, round_to_dollar (or round_to_dollor), round_to_dollar_minus_01, "
                  "round_to_half_dollar or round_to_half_dollar_minus_01");
      }
    } else if (key == "items_shape") {
      const std::string shape = string_of(key, value);
      if (shape != "full" && shape != "empty" && shape != "absent") {
        bad_field(key, "\"full\", \"empty\" or \"absent\"");
      }
    } else if (key == "sales_or_purchase_type") {
      const std::string type = string_of(key, value);
      if (type != "sales" && type != "purchases") {
        bad_field(key, "\"sales\" or \"purchases\"");
      }
    } else if (key == "pricebook_type") {
      const std::string type = string_of(key, value);
      if (type != "per_item" && type != "fixed_percentage") {
        bad_field(key, "\"per_item\" or \"fixed_percentage\"");
      }
    } else {
      throw std::invalid_argument("unknown pricebook field \"" + key + "\"");
    }
  }
}

void apply_pricebook_patch(Pricebook& book, const nlohmann::json& json) {
  for (const auto& [key, value] : json.items()) {
    if (key == "name") {
      book.name = value.get<std::string>();
    } else if (key == "currency_id") {
      book.currency_id = value.get<std::string>();
    } else if (key == "currency_code") {
      book.currency_code = value.get<std::string>();
    } else if (key == "status") {
      book.active = value.get<std::string>() == "active";
    } else if (key == "percentage") {
      book.percentage = value.get<double>();
    } else if (key == "decimal_place") {
      book.decimal_place = value.get<int>();
    } else if (key == "is_increase") {
      book.is_increase = value.get<bool>();
    } else if (key == "is_default") {
      book.is_default = value.get<bool>();
    } else if (key == "rounding_type") {
      book.rounding_type = value.get<std::string>();
    } else if (key == "items_shape") {
      book.items_shape = value.get<std::string>();
    } else if (key == "sales_or_purchase_type") {
      book.sales_or_purchase_type = value.get<std::string>();
    } else if (key == "pricebook_type") {
      book.pricebook_type = value.get<std::string>();
    }
  }
}

}  // namespace zoho_standin
