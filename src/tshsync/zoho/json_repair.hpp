#pragma once

#include <string>

namespace tshsync::zoho {

// Makes a response body parseable record by record, so one bad record does
// not cost its page (the records that carry a mark are refused one by one,
// see check_record_text):
// - a byte that is not UTF-8 inside a string becomes U+FDD0 (kInvalidUtf8Mark);
// - a lone surrogate escape (\ud800 without its pair) becomes U+FDD1 (kLoneSurrogateMark);
// - a raw control byte inside a string becomes its \u00XX escape (a NUL then
//   reads as one, which check_record_text refuses);
// - a number no double can hold (1e400) becomes a string, which the decimal
//   readers refuse as out of range.
// Valid JSON without such things is returned unchanged (no copy is made).
std::string repair_json_text(std::string body);

// Noncharacters, never in real data: they mark what the repair replaced.
inline constexpr const char* kInvalidUtf8Mark = "\xEF\xB7\x90";    // U+FDD0
inline constexpr const char* kLoneSurrogateMark = "\xEF\xB7\x91";  // U+FDD1

}  // namespace tshsync::zoho
