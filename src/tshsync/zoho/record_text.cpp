#include <tshsync/zoho/record_text.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>

#include <tshsync/zoho/item.hpp>
#include <tshsync/zoho/json_repair.hpp>

namespace tshsync::zoho {

namespace {

constexpr long double kLargestFigure = 1e12L;

std::optional<std::string> problem_in(const std::string& text) {
  if (text.find('\0') != std::string::npos) return "holds a NUL (\\u0000), which PostgreSQL text cannot store";
  if (text.find(kInvalidUtf8Mark) != std::string::npos) return "holds bytes that are not UTF-8";
  if (text.find(kLoneSurrogateMark) != std::string::npos) return "holds a lone UTF-16 surrogate escape";
  return std::nullopt;
}

void check(const nlohmann::json& value, const std::string& field, const std::string& record_id) {
  if (value.is_string()) {
    if (auto problem = problem_in(value.get_ref<const std::string&>()))
      throw RecordError(record_id, field + " " + *problem);
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (auto problem = problem_in(key)) throw RecordError(record_id, "a field name " + *problem);
      check(member, field.empty() ? key : field + "." + key, record_id);
    }
  } else if (value.is_array()) {
    for (const auto& element : value) check(element, field, record_id);
  }
}

}  // namespace

void check_record_text(const nlohmann::json& record, const std::string& record_id) { check(record, "", record_id); }

void check_decimal_range(const std::string& value, const std::string& field, const std::string& record_id) {
  const long double number = std::strtold(value.c_str(), nullptr);
  if (!std::isfinite(number) || std::fabs(number) >= kLargestFigure)
    throw RecordError(record_id, field + " " + value + " is out of range (at most 12 digits before the point)");
}

}  // namespace tshsync::zoho
