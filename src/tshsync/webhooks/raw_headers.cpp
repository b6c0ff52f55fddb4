#include <tshsync/util/ascii.hpp>
#include <tshsync/webhooks/raw_headers.hpp>

#include <algorithm>
#include <cctype>

namespace tshsync::webhooks {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Header names are tokens: no spaces, so "POST http://h/x HTTP/1.1" is not one.
bool is_token(std::string_view text) {
  return !text.empty() && std::none_of(text.begin(), text.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c));
  });
}

}  // namespace

std::optional<std::string> find_header(std::string_view raw_headers, std::string_view name) {
  bool seen_header = false;
  size_t start = 0;
  while (start <= raw_headers.size()) {
    size_t end = raw_headers.find('\n', start);
    if (end == std::string_view::npos) end = raw_headers.size();
    std::string_view line = raw_headers.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() >= 2 && (line[0] == '>' || line[0] == '<') && line[1] == ' ') line.remove_prefix(2);
    if (util::trim_space(line).empty()) {
      if (seen_header) break;
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) continue;
    seen_header = true;
    if (same_name(line.substr(0, colon), name)) return std::string(util::trim_space(line.substr(colon + 1)));
  }
  return std::nullopt;
}

}  // namespace tshsync::webhooks
