#include <tshsync/zoho/json_elements.hpp>

#include <algorithm>

namespace tshsync::zoho {
namespace {

using json = nlohmann::json;

// Follows nlohmann's parser callback events to spot the elements of the
// array at `path`. Depths as nlohmann counts them: the root's keys are at 1,
// the array at `path` starts and ends at path.size(), its elements (objects,
// arrays or plain values) complete at path.size() + 1.
class ElementSpotter {
 public:
  explicit ElementSpotter(const JsonPath& path) : path_(path) {}

  // True when the event completes one element of the target array.
  bool completes_element(int depth, json::parse_event_t event, const json& parsed) {
    const auto target = static_cast<int>(path_.size());
    switch (event) {
      case json::parse_event_t::key:
        keys_.resize(static_cast<size_t>(depth));
        keys_.back() = parsed.get<std::string>();
        return false;
      case json::parse_event_t::array_start:
        if (depth == target && on_path()) inside_ = true;
        return false;
      case json::parse_event_t::array_end:
        if (inside_ && depth == target) {
          inside_ = false;
          return false;
        }
        return inside_ && depth == target + 1;
      case json::parse_event_t::object_end:
      case json::parse_event_t::value:
        return inside_ && depth == target + 1;
      case json::parse_event_t::object_start:
        return false;
    }
    return false;
  }

 private:
  bool on_path() const { return keys_.size() >= path_.size() && std::equal(path_.begin(), path_.end(), keys_.begin()); }

  const JsonPath& path_;
  std::vector<std::string> keys_;  // the key being read at each depth
  bool inside_ = false;
};

}  // namespace

json parse_without_elements(const std::string& text, const JsonPath& path) {
  ElementSpotter spotter(path);
  return json::parse(text, [&](int depth, json::parse_event_t event, json& parsed) {
    return !spotter.completes_element(depth, event, parsed);
  });
}

void for_each_element(const std::string& text, const JsonPath& path,
                      const std::function<void(const json&)>& on_element) {
  ElementSpotter spotter(path);
  // Each element is dropped once handed over: the document never holds more
  // than the envelope and one element.
  const json envelope = json::parse(text, [&](int depth, json::parse_event_t event, json& parsed) {
    if (!spotter.completes_element(depth, event, parsed)) return true;
    on_element(parsed);
    return false;
  });
}

JsonElements::JsonElements(const std::string& text, const json& envelope, JsonPath path)
    : text_(&text), path_(std::move(path)) {
  const json* at = &envelope;
  for (const std::string& key : path_) {
    if (!at->is_object()) return;
    const auto found = at->find(key);
    if (found == at->end()) return;
    at = &*found;
  }
  present_ = at->is_array();
}

void JsonElements::for_each(const std::function<void(const json&)>& on_element) const {
  if (text_ != nullptr) {
    if (present_) for_each_element(*text_, path_, on_element);
    return;
  }
  if (value_ == nullptr || !value_->is_array()) return;
  for (const json& element : *value_) on_element(element);
}

}  // namespace tshsync::zoho
