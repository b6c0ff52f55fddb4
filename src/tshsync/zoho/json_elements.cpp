#include <tshsync/zoho/json_elements.hpp>

#include <string>

namespace tshsync::zoho {
namespace {

using json = nlohmann::json;

// Follows nlohmann's parser callback events to spot the elements of the
// array at `path`. Every event's depth is the depth of the value it is about:
// the root's keys are at 1, the array at `path` starts and ends at
// path.size(), its elements (objects, arrays or plain values) complete at
// path.size() + 1. Elements of arrays on the way are named by their index.
class ElementSpotter {
 public:
  explicit ElementSpotter(const JsonPath& path) : path_(path) {}

  // True when the event completes one element of the target array.
  bool completes_element(int depth, json::parse_event_t event, const json& parsed) {
    const auto target = static_cast<int>(path_.size());
    switch (event) {
      case json::parse_event_t::key:
        name(depth) = parsed.get<std::string>();
        return false;
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        name_element(depth);
        containers_.resize(static_cast<size_t>(depth));
        containers_.push_back({event == json::parse_event_t::array_start, 0});
        if (event == json::parse_event_t::array_start && depth == target && on_path()) inside_ = true;
        return false;
      case json::parse_event_t::array_end:
        if (inside_ && depth == target) {
          inside_ = false;
          return false;
        }
        return inside_ && depth == target + 1;
      case json::parse_event_t::object_end:
        return inside_ && depth == target + 1;
      case json::parse_event_t::value:
        name_element(depth);
        return inside_ && depth == target + 1;
    }
    return false;
  }

 private:
  struct Container {
    bool is_array;
    size_t next_index;
  };

  std::string& name(int depth) {
    const auto at = static_cast<size_t>(depth);
    if (names_.size() < at) names_.resize(at);
    return names_[at - 1];
  }

  // A value at `depth` inside an array is named by its index.
  void name_element(int depth) {
    if (depth == 0 || containers_.size() < static_cast<size_t>(depth)) return;
    Container& parent = containers_[static_cast<size_t>(depth) - 1];
    if (parent.is_array) name(depth) = element_step(parent.next_index++);
  }

  bool on_path() const {
    if (names_.size() < path_.size()) return false;
    for (size_t i = 0; i < path_.size(); ++i) {
      const bool matches = path_[i] == kAnyElement ? names_[i].rfind('[', 0) == 0 : names_[i] == path_[i];
      if (!matches) return false;
    }
    return true;
  }

  const JsonPath& path_;
  std::vector<std::string> names_;     // the key or element index being read at each depth
  std::vector<Container> containers_;  // the container open at each depth
  bool inside_ = false;
};

}  // namespace

std::string element_step(size_t index) { return "[" + std::to_string(index) + "]"; }

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
  for (const std::string& step : path_) {
    if (at->is_array() && step.size() > 2 && step.front() == '[' && step.back() == ']') {
      const size_t index = std::stoul(step.substr(1, step.size() - 2));
      if (index >= at->size()) return;
      at = &(*at)[index];
      continue;
    }
    if (!at->is_object()) return;
    const auto found = at->find(step);
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
