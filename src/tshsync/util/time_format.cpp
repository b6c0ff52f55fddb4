#include <tshsync/util/time_format.hpp>

#include <cctype>
#include <cstdio>
#include <ctime>

namespace tshsync::util {

namespace {

std::tm utc_tm(std::time_t t) {
  std::tm out{};
  gmtime_r(&t, &out);
  return out;
}

bool read_int(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

}  // namespace

std::string format_utc_iso8601(SystemTime t, bool with_millis) {
  const auto secs = std::chrono::time_point_cast<std::chrono::seconds>(t);
  const std::tm tm = utc_tm(std::chrono::system_clock::to_time_t(secs));
  char buf[96];
  if (with_millis) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - secs).count();
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
  }
  return buf;
}

std::optional<SystemTime> parse_zoho_timestamp(std::string_view text) {
  std::tm tm{};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_int(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !read_int(text, 5, 2, month) ||
      text[7] != '-' || !read_int(text, 8, 2, day) || (text[10] != 'T' && text[10] != ' ') ||
      !read_int(text, 11, 2, hour) || text[13] != ':' || !read_int(text, 14, 2, minute) || text[16] != ':' ||
      !read_int(text, 17, 2, second))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {  // fractional seconds are dropped
    ++pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  long offset_seconds = 0;
  if (pos < text.size()) {
    const char sign = text[pos];
    if (sign == 'Z' && pos + 1 == text.size()) {
      offset_seconds = 0;
    } else if (sign == '+' || sign == '-') {
      int oh = 0, om = 0;
      size_t p = pos + 1;
      if (!read_int(text, p, 2, oh)) return std::nullopt;
      p += 2;
      if (p < text.size() && text[p] == ':') ++p;
      if (!read_int(text, p, 2, om) || p + 2 != text.size()) return std::nullopt;
      offset_seconds = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  const std::time_t as_utc = timegm(&tm);
  return std::chrono::system_clock::from_time_t(as_utc - offset_seconds);
}

std::string format_zoho_timestamp(SystemTime t) {
  const std::tm tm = utc_tm(std::chrono::system_clock::to_time_t(t));
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+0000", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace tshsync::util
