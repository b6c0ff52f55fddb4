#include <tshsync/zoho/json_repair.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include <tshsync/util/hex.hpp>

namespace tshsync::zoho {

namespace {

std::optional<unsigned> escape_unit(const std::string& s, size_t at) {  // at: the backslash of \uXXXX
  if (at + 6 > s.size() || s[at + 1] != 'u') return std::nullopt;
  for (size_t i = at + 2; i < at + 6; ++i)
    if (util::hex_value(s[i]) < 0) return std::nullopt;
  return static_cast<unsigned>(std::stoul(s.substr(at + 2, 4), nullptr, 16));
}

// The length of the valid UTF-8 sequence at `at`, 0 when it is not one.
size_t utf8_length(const std::string& s, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(at);
  size_t length = 0;
  unsigned code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code = lead & 0x07U;
  } else {
    return 0;
  }
  if (at + length > s.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0U) != 0x80U) return 0;
    code = (code << 6U) | (byte(at + i) & 0x3FU);
  }
  if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
      (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
    return 0;
  return length;
}

class Repair {
 public:
  explicit Repair(const std::string& body) : body_(body) {}

  // Replaces body[at, at + length) with `text`.
  void replace(size_t at, size_t length, const std::string& text) {
    out_.append(body_, copied_, at - copied_);
    out_ += text;
    copied_ = at + length;
    changed_ = true;
  }

  bool changed() const { return changed_; }
  std::string finish() {
    out_.append(body_, copied_, std::string::npos);
    return std::move(out_);
  }

 private:
  const std::string& body_;
  std::string out_;
  size_t copied_ = 0;
  bool changed_ = false;
};

// Scans the string whose opening quote is at `at`; returns the index after its closing quote.
size_t scan_string(const std::string& s, size_t at, Repair& repair) {
  size_t i = at + 1;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"') return i + 1;
    if (c == '\\') {
      const auto unit = escape_unit(s, i);
      if (unit && *unit >= 0xD800 && *unit <= 0xDBFF) {
        const auto low = escape_unit(s, i + 6);
        if (s.compare(i + 6, 1, "\\") == 0 && low && *low >= 0xDC00 && *low <= 0xDFFF) {
          i += 12;
          continue;
        }
        repair.replace(i, 6, kLoneSurrogateMark);
        i += 6;
      } else if (unit && *unit >= 0xDC00 && *unit <= 0xDFFF) {
        repair.replace(i, 6, kLoneSurrogateMark);
        i += 6;
      } else {
        i += 2;  // a simple escape or the start of a good \uXXXX
      }
    } else if (c < 0x20) {
      repair.replace(i, 1, fmt::format("\\u{:04x}", c));
      ++i;
    } else if (c < 0x80) {
      ++i;
    } else if (const size_t length = utf8_length(s, i)) {
      i += length;
    } else {
      repair.replace(i, 1, kInvalidUtf8Mark);
      ++i;
    }
  }
  return i;
}

bool number_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

}  // namespace

std::string repair_json_text(std::string body) {
  Repair repair(body);
  size_t i = 0;
  while (i < body.size()) {
    const char c = body[i];
    if (c == '"') {
      i = scan_string(body, i, repair);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < body.size() && number_char(body[end])) ++end;
      const std::string_view token(body.data() + i, end - i);
      // Only an exponent or many digits can overflow a double.
      if (token.size() > 300 || token.find_first_of("eE") != std::string_view::npos) {
        const std::string text(token);
        if (!std::isfinite(std::strtod(text.c_str(), nullptr))) repair.replace(i, end - i, "\"" + text + "\"");
      }
      i = end;
    } else {
      ++i;
    }
  }
  if (!repair.changed()) return body;
  return repair.finish();
}

}  // namespace tshsync::zoho
