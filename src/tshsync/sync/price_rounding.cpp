#include <tshsync/sync/price_rounding.hpp>

#include <algorithm>
#include <cctype>

namespace tshsync::sync {

namespace {

__extension__ using Int128 = __int128;

// A decimal as mantissa / 10^scale.
struct Decimal {
  Int128 mantissa = 0;
  int scale = 0;
};

Int128 power_of_ten(int exponent) {
  Int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

std::optional<Decimal> parse_decimal(std::string_view text) {
  Decimal d;
  bool negative = false;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  bool digits = false;
  bool fraction = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !fraction) {
      fraction = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c)) || d.scale > 12) return std::nullopt;
    d.mantissa = d.mantissa * 10 + (c - '0');
    digits = true;
    if (fraction) ++d.scale;
  }
  if (!digits) return std::nullopt;
  if (negative) d.mantissa = -d.mantissa;
  return d;
}

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

// numerator / denominator rounded half away from zero (denominator > 0).
Int128 divide_rounded(Int128 numerator, Int128 denominator) {
  const Int128 q = (abs128(numerator) * 2 + denominator) / (denominator * 2);
  return numerator < 0 ? -q : q;
}

std::string format_decimal(Int128 mantissa, int scale) {
  const bool negative = mantissa < 0;
  Int128 value = abs128(mantissa);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value > 0);
  while (static_cast<int>(digits.size()) <= scale) digits.insert(digits.begin(), '0');
  if (scale > 0) digits.insert(digits.end() - scale, '.');
  return (negative ? "-" : "") + digits;
}

}  // namespace

std::optional<PriceRounding> price_rounding(std::string_view rounding_type, int decimal_place) {
  if (decimal_place < 0 || decimal_place > 6) return std::nullopt;
  const std::string unit = format_decimal(1, decimal_place);
  if (rounding_type.empty() || rounding_type == "no_rounding") return PriceRounding{unit, "0", unit};
  // Books' OpenAPI lists "round_to_dollor"; Invoice and the help pages "round_to_dollar".
  if (rounding_type == "round_to_dollar" || rounding_type == "round_to_dollor") return PriceRounding{"1", "0", unit};
  if (rounding_type == "round_to_dollar_minus_01" || rounding_type == "round_to_dollor_minus_01")
    return PriceRounding{"1", "-0.01", unit};
  if (rounding_type == "round_to_half_dollar" || rounding_type == "round_to_half_dollor")
    return PriceRounding{"0.5", "0", unit};
  if (rounding_type == "round_to_half_dollar_minus_01" || rounding_type == "round_to_half_dollor_minus_01")
    return PriceRounding{"0.5", "-0.01", unit};
  return std::nullopt;
}

std::optional<std::string> fixed_percentage_price(std::string_view rate, std::string_view percentage, bool is_increase,
                                                  const PriceRounding& rounding) {
  const auto r = parse_decimal(rate);
  const auto p = parse_decimal(percentage);
  const auto step = parse_decimal(rounding.step);
  const auto offset = parse_decimal(rounding.offset);
  const auto unit = parse_decimal(rounding.unit);
  if (!r || !p || !step || !offset || !unit || step->mantissa <= 0 || unit->mantissa <= 0) return std::nullopt;
  // raw = r * (100 ± p) / 100 = numerator / denominator, as one fraction of integers.
  const Int128 hundred = 100 * power_of_ten(p->scale);
  const Int128 factor = is_increase ? hundred + p->mantissa : hundred - p->mantissa;
  const Int128 numerator = r->mantissa * factor;
  const Int128 denominator = power_of_ten(r->scale) * hundred;
  if (numerator <= 0) return std::string("0");  // never below zero
  // raw / step, rounded.
  const Int128 steps = divide_rounded(numerator * power_of_ten(step->scale), denominator * step->mantissa);
  const int scale = std::max(step->scale, offset->scale);
  const Int128 price = steps * step->mantissa * power_of_ten(scale - step->scale) +
                       offset->mantissa * power_of_ten(scale - offset->scale);
  if (price > 0) return format_decimal(price, scale);
  // A positive price the rounding would zero: the book's decimal places instead.
  const Int128 units = divide_rounded(numerator * power_of_ten(unit->scale), denominator * unit->mantissa);
  return format_decimal(std::max<Int128>(units, 1) * unit->mantissa, unit->scale);
}

std::optional<std::string> discounted_price(std::string_view rate, std::string_view discount,
                                            const PriceRounding& rounding) {
  const auto d = parse_decimal(discount);
  const auto r = parse_decimal(rate);
  if (!d || !r) return std::nullopt;
  if (r->mantissa <= 0) return std::string("0");  // never below zero
  if (d->mantissa == 0) return std::string(rate);
  return fixed_percentage_price(rate, discount, false, rounding);
}

}  // namespace tshsync::sync
