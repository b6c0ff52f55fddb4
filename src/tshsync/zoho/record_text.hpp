#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace tshsync::zoho {

// Throws RecordError naming the record, the field and what is wrong when any
// string in it (nested ones included) holds what PostgreSQL text cannot (a
// NUL) or what repair_json_text marked (invalid UTF-8, a lone surrogate).
void check_record_text(const nlohmann::json& record, const std::string& record_id);

// Throws RecordError when the decimal text `value` of `field` is out of the
// range tshsync stores: finite, below 10^12 in magnitude (the audit ERP's
// numeric(14,2) columns; no price or stock figure comes near it).
void check_decimal_range(const std::string& value, const std::string& field, const std::string& record_id);

}  // namespace tshsync::zoho
