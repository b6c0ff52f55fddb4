#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <tshsync/zoho/json_elements.hpp>

namespace tshsync::zoho {

// Where a pricebook detail (GET /pricebooks/{id}) keeps its items.
inline const JsonPath kPricebookItemsPath{"pricebook", "pricebook_items"};

enum class PricebookType { per_item, fixed_percentage, unknown };

// A pricebook as GET /pricebooks lists it (GET /pricebooks/{id} adds items).
struct Pricebook {
  std::string pricebook_id;
  std::string name;
  std::string currency_code;  // "" for fixed_percentage books: base currency
  int decimal_place = 2;
  bool active = true;
  bool sales = true;  // sales_or_purchase_type != "purchases"
  PricebookType type = PricebookType::unknown;
  std::string type_name;      // as Zoho sent it, for messages
  std::string percentage;     // decimal text (fixed_percentage); "" when absent
  bool is_increase = false;   // markup (true) or markdown
  std::string rounding_type;  // "no_rounding" when absent
};

// Throws RecordError (with the pricebook id) when the book is unusable.
Pricebook parse_pricebook(const nlohmann::json& record);

// One row of a per_item book's pricebook_items[].
struct PricebookItem {
  std::string item_id;
  std::string rate;                     // decimal text: the unit rate or the first bracket's rate
  std::string discount = "0";           // pricebook_discount as a percentage ("5" from "5%" or "5")
  std::optional<std::string> brackets;  // volume pricing: the price_brackets array as JSON text
};

// pricing_scheme "unit" is a unit price even when the row carries brackets
// (Zoho's own unit example has one 0..0 bracket at the same rate); without a
// scheme, brackets other than one 0..0 mean volume pricing. Volume rows take
// the first bracket's rate and its pricebook_discount (else the row's).
// Throws RecordError (with the item id) when the row is unusable.
PricebookItem parse_pricebook_item(const nlohmann::json& record);

}  // namespace tshsync::zoho
