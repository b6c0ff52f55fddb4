#include <tshsync/zoho/pricebook.hpp>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <tshsync/zoho/item.hpp>
#include <tshsync/zoho/record_text.hpp>

namespace tshsync::zoho {

namespace {

PricebookType type_of(const std::string& name) {
  if (name == "per_item") return PricebookType::per_item;
  if (name == "fixed_percentage") return PricebookType::fixed_percentage;
  return PricebookType::unknown;
}

int decimal_place_of(const nlohmann::json& record, const std::string& id) {
  const auto text = decimal_field(record, "decimal_place", id);
  if (!text) return 2;
  try {
    const int places = std::stoi(*text);
    if (places >= 0 && places <= 6) return places;
  } catch (const std::exception&) {
  }
  throw RecordError(id, "unusable decimal_place " + *text);
}

// "5%", " 10 ", "" -> "5", "10", "0"; nullopt unless a number in [0, 100).
std::optional<std::string> percentage_text(std::string text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.back())) text.pop_back();
  if (!text.empty() && text.back() == '%') text.pop_back();
  const auto number = decimal_text(nlohmann::json(text));  // trims, refuses anything not decimal
  if (!number) {
    if (std::all_of(text.begin(), text.end(), is_space)) return std::string("0");
    return std::nullopt;
  }
  double value = -1;
  try {
    value = std::stod(*number);
  } catch (const std::out_of_range&) {
  }
  if (!(value >= 0 && value < 100)) return std::nullopt;
  return number->front() == '+' ? number->substr(1) : *number;
}

// pricebook_discount as a percentage: "5%", "5", 5 or absent (0).
std::string discount_of(const nlohmann::json& record, const std::string& id) {
  const nlohmann::json* field = find_field(record, "pricebook_discount");
  if (field == nullptr || field->is_null()) return "0";
  std::string text;
  if (field->is_string()) {
    text = field->get<std::string>();
  } else if (auto number = decimal_text(*field)) {
    text = *number;
  } else {
    throw RecordError(id, "pricebook_discount is not a percentage: " + field->dump());
  }
  auto discount = percentage_text(text);
  if (!discount) throw RecordError(id, "pricebook_discount is not a percentage below 100: \"" + text + "\"");
  return *discount;
}

// Zoho's unit example: one bracket 0..0 (no quantity range at all).
bool single_empty_bracket(const nlohmann::json& brackets) {
  if (brackets.size() != 1 || !brackets[0].is_object()) return false;
  for (const char* key : {"start_quantity", "end_quantity"}) {
    const nlohmann::json* value = find_field(brackets[0], key);
    if (value == nullptr || value->is_null()) continue;
    const auto text = decimal_text(*value);
    if (!text || text->find_first_not_of("+-0.") != std::string::npos) return false;
  }
  return true;
}

}  // namespace

Pricebook parse_pricebook(const nlohmann::json& record) {
  if (!record.is_object()) throw RecordError::without_id("(not an object)", "the pricebook is not a JSON object");
  Pricebook book;
  book.pricebook_id = id_field(record, "pricebook_id");
  const std::string& id = book.pricebook_id;
  book.name = text_field(record, "name");
  if (book.name.empty()) throw RecordError(id, "no name");
  book.currency_code = text_field(record, "currency_code");
  book.decimal_place = decimal_place_of(record, id);
  book.active = text_field(record, "status") != "inactive";
  book.sales = text_field(record, "sales_or_purchase_type") != "purchases";
  book.type_name = text_field(record, "pricebook_type");
  book.type = type_of(book.type_name);
  book.is_increase = bool_field(record, "is_increase", false);
  book.rounding_type = text_field(record, "rounding_type");
  if (book.rounding_type.empty()) book.rounding_type = "no_rounding";
  book.percentage = decimal_field(record, "percentage", id).value_or("");
  return book;
}

PricebookItem parse_pricebook_item(const nlohmann::json& record) {
  if (!record.is_object()) throw RecordError::without_id("(not an object)", "the pricebook item is not a JSON object");
  PricebookItem row;
  row.item_id = id_field(record, "item_id");
  check_record_text(record, row.item_id);
  const nlohmann::json* brackets = find_field(record, "price_brackets");
  row.discount = discount_of(record, row.item_id);
  const std::string scheme = text_field(record, "pricing_scheme");
  const bool volume = scheme == "volume" || (scheme != "unit" && brackets != nullptr && brackets->is_array() &&
                                             !brackets->empty() && !single_empty_bracket(*brackets));
  if (!volume) {
    const auto rate = decimal_field(record, "pricebook_rate", row.item_id);
    if (!rate) throw RecordError(row.item_id, "pricebook_rate is missing or null; the price list keeps its price");
    row.rate = *rate;
    return row;
  }
  if (brackets == nullptr || !brackets->is_array() || brackets->empty())
    throw RecordError(row.item_id, "volume pricing without price_brackets");
  // The unit price is the rate of the bracket that starts lowest.
  const nlohmann::json* first = nullptr;
  double first_start = 0;
  for (const auto& bracket : *brackets) {
    if (!bracket.is_object()) throw RecordError(row.item_id, "a price bracket is not an object");
    if (!decimal_field(bracket, "pricebook_rate", row.item_id))
      throw RecordError(row.item_id, "a price bracket without pricebook_rate");
    const auto start = decimal_field(bracket, "start_quantity", row.item_id);
    double start_value = 0;
    try {
      if (start) start_value = std::stod(*start);
    } catch (const std::out_of_range&) {  // "1e999" is decimal text, but no double
      throw RecordError(row.item_id, "start_quantity out of range");
    }
    if (first == nullptr || start_value < first_start) {
      first = &bracket;
      first_start = start_value;
    }
  }
  row.rate = *decimal_field(*first, "pricebook_rate", row.item_id);
  if (find_field(*first, "pricebook_discount") != nullptr) row.discount = discount_of(*first, row.item_id);
  row.brackets = brackets->dump();
  return row;
}

}  // namespace tshsync::zoho
