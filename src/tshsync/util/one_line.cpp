#include <tshsync/util/one_line.hpp>

#include <tshsync/util/redact.hpp>

namespace tshsync::util {

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

std::string first_line(std::string text) {
  const auto nl = text.find('\n');
  if (nl != std::string::npos) text.resize(nl);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return text;
}

std::string redacted_first_line(std::string text) { return redact(first_line(std::move(text))); }

}  // namespace tshsync::util
