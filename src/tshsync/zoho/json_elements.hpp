#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tshsync::zoho {

// Steps from the root to one array, e.g. {"pricebook", "pricebook_items"}: object
// keys, or array elements: element_step(3) is the fourth element, kAnyElement any
// element ({"pricebooks", kAnyElement, "pricebook_items"}: the items of every row).
using JsonPath = std::vector<std::string>;

inline const std::string kAnyElement = "[]";
std::string element_step(size_t index);

// Some responses are one envelope around an array too large to hold as a
// document (a pricebook of 100,000 items is ~80 MB as nlohmann::json, ~10 MB
// as text). These read such a body in two passes over its text: the envelope
// first, then the array's elements one at a time.

// `text` parsed, except that the array at `path` comes back empty (it is
// still an array, so "present" stays testable). Throws json::parse_error
// for text that is not JSON, exactly as json::parse would.
nlohmann::json parse_without_elements(const std::string& text, const JsonPath& path);

// Calls `on_element` with each element of the array at `path`, in order,
// holding one element in memory at a time. Nothing when there is no such array.
void for_each_element(const std::string& text, const JsonPath& path,
                      const std::function<void(const nlohmann::json&)>& on_element);

// The elements of one JSON array, wherever they are held: a parsed array
// (owned by the caller, who keeps it alive) or an array inside a body's text.
class JsonElements {
 public:
  JsonElements() = default;  // no array
  explicit JsonElements(const nlohmann::json& value) : value_(&value) {}
  // The array at `path` in `text`, present when `envelope` (parse_without_elements
  // of the same text) has an array there.
  JsonElements(const std::string& text, const nlohmann::json& envelope, JsonPath path);

  bool is_array() const { return text_ != nullptr ? present_ : value_ != nullptr && value_->is_array(); }
  void for_each(const std::function<void(const nlohmann::json&)>& on_element) const;

 private:
  const nlohmann::json* value_ = nullptr;
  const std::string* text_ = nullptr;
  JsonPath path_;
  bool present_ = false;
};

}  // namespace tshsync::zoho
