#include <tshsync/util/duration.hpp>

#include <cctype>
#include <stdexcept>

namespace tshsync::util {

namespace {

long long unit_seconds(char unit) {
  switch (unit) {
    case 's':
      return 1;
    case 'm':
      return 60;
    case 'h':
      return 3600;
    case 'd':
      return 86400;
    case 'w':
      return 7 * 86400;
    default:
      return 0;
  }
}

}  // namespace

std::chrono::seconds parse_duration(std::string_view text) {
  const std::string shown(text);
  if (text.empty()) throw std::invalid_argument("empty duration");
  long long total = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])))
      throw std::invalid_argument("invalid duration '" + shown + "' (use e.g. 30s, 15m, 1h, 90d)");
    long long number = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      number = number * 10 + (text[i] - '0');
      if (number > 100LL * 365 * 86400) throw std::invalid_argument("duration too long: '" + shown + "'");
      ++i;
    }
    long long unit = 1;
    if (i < text.size()) {
      unit = unit_seconds(text[i]);
      if (unit == 0) throw std::invalid_argument("invalid duration unit in '" + shown + "' (use s, m, h, d or w)");
      ++i;
    } else if (total != 0) {
      throw std::invalid_argument("invalid duration '" + shown + "': a unit is missing at the end");
    }
    total += number * unit;
  }
  return std::chrono::seconds(total);
}

std::string format_duration(std::chrono::seconds value) {
  long long s = value.count();
  if (s == 0) return "0s";
  std::string out;
  if (s < 0) {
    out = "-";
    s = -s;
  }
  const long long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, secs = s % 60;
  if (days) out += std::to_string(days) + "d";
  if (hours) out += std::to_string(hours) + "h";
  if (minutes) out += std::to_string(minutes) + "m";
  if (secs) out += std::to_string(secs) + "s";
  return out;
}

}  // namespace tshsync::util
