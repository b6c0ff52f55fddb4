#include "zoho_time.hpp"

#include <fmt/format.h>

namespace zoho_standin {
namespace {

// Howard Hinnant's civil calendar algorithms (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Civil {
  std::int64_t year;
  std::int64_t month;
  std::int64_t day;
};

Civil civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const std::int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  const std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

// Reads `count` digits at `pos`; nullopt when any is not a digit.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

}  // namespace

UnixSeconds unix_from_civil(int year, int month, int day, int hour, int minute, int second, int offset_minutes) {
  const std::int64_t days = days_from_civil(year, month, day);
  return days * seconds_per_day + hour * 3600 + minute * 60 + second - offset_minutes * 60;
}

std::string format_zoho_time(UnixSeconds time, int offset_minutes) {
  const std::int64_t local = time + offset_minutes * 60;
  const std::int64_t days = floor_div(local, seconds_per_day);
  const std::int64_t in_day = local - days * seconds_per_day;
  const Civil date = civil_from_days(days);
  const int offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}{:02d}{:02d}", date.year, date.month, date.day,
                     in_day / 3600, in_day / 60 % 60, in_day % 60, offset_minutes < 0 ? '-' : '+', offset / 60,
                     offset % 60);
}

std::optional<UnixSeconds> parse_zoho_time(std::string_view text) {
  // 0123456789012345678901234
  // 2025-10-08T09:15:00+0300
  if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      (text[19] != '+' && text[19] != '-')) {
    return std::nullopt;
  }
  const auto year = read_digits(text, 0, 4);
  const auto month = read_digits(text, 5, 2);
  const auto day = read_digits(text, 8, 2);
  const auto hour = read_digits(text, 11, 2);
  const auto minute = read_digits(text, 14, 2);
  const auto second = read_digits(text, 17, 2);
  const auto offset_hours = read_digits(text, 20, 2);
  const auto offset_minutes = read_digits(text, 22, 2);
  if (!year || !month || !day || !hour || !minute || !second || !offset_hours || !offset_minutes) {
    return std::nullopt;
  }
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month) || *hour > 23 || *minute > 59 ||
      *second > 59 || *offset_hours > 14 || *offset_minutes > 59) {
    return std::nullopt;
  }
  const int sign = text[19] == '-' ? -1 : 1;
  return unix_from_civil(*year, *month, *day, *hour, *minute, *second, sign * (*offset_hours * 60 + *offset_minutes));
}

}  // namespace zoho_standin
