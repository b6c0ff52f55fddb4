#include "serialize.hpp"

#include <fmt/format.h>

namespace zoho_standin {
namespace {

std::string image_id_of(const Item& item) { return item.item_id.size() > 1 ? "9" + item.item_id.substr(1) : "9"; }

std::string image_name_of(const Item& item) { return (item.sku.empty() ? item.item_id : item.sku) + ".jpg"; }

// Every 7th item sends some stock figures as text, like a few real Zoho responses do.
Json stock_value(double value, bool as_text) { return as_text ? Json(fmt::format("{:.2f}", value)) : Json(value); }

}  // namespace

Json success_envelope() { return Json{{"code", 0}, {"message", "success"}}; }

Json item_summary(const Item& item, Flavor flavor) {
  const bool as_text = item.stock_as_text && flavor != Flavor::truth;
  Json json;
  json["item_id"] = item.item_id;
  json["name"] = item.name;
  json["sku"] = item.sku;
  json["status"] = item.active ? "active" : "inactive";
  json["item_type"] = item.item_type;
  json["product_type"] = item.product_type;
  if (flavor != Flavor::books) {
    json["is_combo_product"] = item.is_combo;
  }
  json["unit"] = item.unit;
  json["rate"] = item.rate;
  json["purchase_rate"] = item.purchase_rate;
  json["stock_on_hand"] = stock_value(item.stock_on_hand, as_text);
  json["available_stock"] = stock_value(item.available_stock, as_text);
  json["actual_available_stock"] = item.actual_available_stock;
  const std::string image_id = item.has_image ? image_id_of(item) : "";
  if (flavor != Flavor::books) {
    json["image_id"] = image_id;
    json["image_name"] = item.has_image ? image_name_of(item) : "";
    json["image_type"] = item.has_image ? "jpg" : "";
  }
  if (flavor != Flavor::inventory) {
    json["image_document_id"] = image_id;
  }
  if (flavor == Flavor::truth) {
    json["has_image"] = item.has_image;
  }
  json["created_time"] = format_zoho_time(item.created_time);
  json["last_modified_time"] = format_zoho_time(item.last_modified_time);
  return json;
}

Json item_detail(const Item& item, const Catalog& catalog, Flavor flavor) {
  Json json = item_summary(item, flavor);
  const std::string prefix = item.uses_locations ? "location" : "warehouse";
  Json stocks = Json::array();
  for (const LocationStock& stock : catalog.stock_by_location(item)) {
    stocks.push_back({{prefix + "_id", stock.location->id},
                      {prefix + "_name", stock.location->name},
                      {"is_primary", stock.location->is_primary},
                      {prefix + "_stock_on_hand", stock.stock_on_hand},
                      {prefix + "_available_stock", stock.available_stock},
                      {prefix + "_actual_available_stock", stock.actual_available_stock},
                      {prefix + "_committed_stock", stock.stock_on_hand - stock.available_stock},
                      {prefix + "_available_for_sale_stock", stock.available_for_sale_stock},
                      {prefix + "_actual_available_for_sale_stock", stock.available_for_sale_stock}});
  }
  json[prefix + "s"] = std::move(stocks);
  return json;
}

Json pricebook_summary(const Pricebook& book) {
  return Json{{"pricebook_id", book.pricebook_id},     {"name", book.name},
              {"currency_id", book.currency_id},       {"currency_code", book.currency_code},
              {"decimal_place", book.decimal_place},   {"status", book.active ? "active" : "inactive"},
              {"is_default", book.is_default},         {"sales_or_purchase_type", book.sales_or_purchase_type},
              {"pricebook_type", book.pricebook_type}, {"percentage", book.percentage},
              {"is_increase", book.is_increase},       {"rounding_type", book.rounding_type}};
}

Json pricebook_detail(const Pricebook& book, const Catalog& catalog) {
  Json json = pricebook_summary(book);
  if (!book.is_per_item()) {
    return json;
  }
  if (book.items_shape == "absent") {
    return json;
  }
  Json entries = Json::array();
  for (const PricebookEntry& entry : book.entries) {
    if (book.items_shape == "empty") {
      break;
    }
    const Item* item = catalog.find_item(entry.item_id);
    Json row{{"item_id", entry.item_id},
             {"name", item != nullptr ? item->name : ""},
             {"pricebook_rate", entry.pricebook_rate},
             {"pricing_scheme", entry.brackets.empty() ? "unit" : "volume"}};
    if (!entry.brackets.empty()) {
      Json brackets = Json::array();
      for (const PriceBracket& bracket : entry.brackets) {
        brackets.push_back({{"start_quantity", bracket.start_quantity},
                            {"end_quantity", bracket.end_quantity},
                            {"pricebook_rate", bracket.pricebook_rate}});
      }
      row["price_brackets"] = std::move(brackets);
    } else if (entry.unit_bracket) {
      row["price_brackets"] =
          Json::array({{{"start_quantity", 0}, {"end_quantity", 0}, {"pricebook_rate", entry.pricebook_rate}}});
    }
    if (!entry.discount.empty()) {
      row["pricebook_discount"] = entry.discount;
    }
    entries.push_back(std::move(row));
  }
  json["pricebook_items"] = std::move(entries);
  return json;
}

Json adjustment_summary(const Adjustment& adjustment) {
  return Json{
      {"inventory_adjustment_id", adjustment.id},        {"date", adjustment.date},       {"reason", adjustment.reason},
      {"reference_number", adjustment.reference_number}, {"adjustment_type", "quantity"}, {"status", "adjusted"}};
}

Json adjustment_detail(const Adjustment& adjustment, const Catalog& catalog) {
  Json json = adjustment_summary(adjustment);
  const Location* primary = catalog.locations().empty() ? nullptr : &catalog.locations().front();
  Json lines = Json::array();
  std::size_t number = 0;
  for (const AdjustmentLine& line : adjustment.lines) {
    const Item* item = catalog.find_item(line.item_id);
    lines.push_back({{"line_item_id", fmt::format("{}{:02d}", adjustment.id, ++number)},
                     {"item_id", line.item_id},
                     {"name", item != nullptr ? item->name : ""},
                     {"sku", item != nullptr ? item->sku : ""},
                     {"quantity_adjusted", line.quantity_adjusted},
                     {"unit", item != nullptr ? item->unit : "pcs"},
                     {"location_id", primary != nullptr ? primary->id : ""},
                     {"location_name", primary != nullptr ? primary->name : ""}});
  }
  json["line_items"] = std::move(lines);
  return json;
}

Json warehouses_json(const Catalog& catalog) {
  Json warehouses = Json::array();
  for (const Location& location : catalog.locations()) {
    warehouses.push_back({{"warehouse_id", location.id},
                          {"warehouse_name", location.name},
                          {"is_primary", location.is_primary},
                          {"status", "active"}});
  }
  return warehouses;
}

Json locations_json(const Catalog& catalog) {
  Json locations = Json::array();
  for (const Location& location : catalog.locations()) {
    locations.push_back({{"location_id", location.id},
                         {"location_name", location.name},
                         {"is_primary", location.is_primary},
                         {"type", "general"},
                         {"status", "active"}});
  }
  return locations;
}

}  // namespace zoho_standin
