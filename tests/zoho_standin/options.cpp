#include "options.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <string_view>
#include <vector>

namespace zoho_standin {
namespace {

template <class T>
T parse_number(std::string_view flag, std::string_view text, T min, T max) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw UsageError("--" + std::string(flag) + " needs a number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got \"" + std::string(text) + "\"");
  }
  return value;
}

constexpr std::array<std::string_view, 15> valued_flags = {"books-items",
                                                           "books-pricebook-list",
                                                           "port",
                                                           "port-file",
                                                           "catalog",
                                                           "items",
                                                           "seed",
                                                           "rate-limit",
                                                           "daily-limit",
                                                           "token-ttl",
                                                           "client-id",
                                                           "client-secret",
                                                           "refresh-token",
                                                           "organization-id",
                                                           "modified-comparison"};

}  // namespace

std::string usage_text() {
  return R"(usage: zoho-standin [options]
Imitates the Zoho Books (/books/v3) and Inventory (/inventory/v1) APIs and the accounts token
endpoint on 127.0.0.1, for tests, the demo and benchmarks. See tests/zoho_standin/README.md.

  --port N                 port to listen on (default 0: pick a free one)
  --port-file PATH         write the chosen port to PATH, then serve
  --catalog audit|large|tsh
                           data set (default audit)
  --items N                items in the large catalog (default 10000)
  --seed N                 seed for the catalog and probabilistic faults (default 42)
  --rate-limit N           API requests per rolling minute, 0 = off (default 100)
  --daily-limit N          API requests per day, 0 = off (default 0)
  --token-ttl SECONDS      access token lifetime (default 3600)
  --client-id X            (default standin-client-id)
  --client-secret Y        (default standin-client-secret)
  --refresh-token Z        (default standin-refresh-token)
  --organization-id ORG    (default 10234695)
  --modified-comparison ge|gt
                           last_modified_time filter: >= or > (default ge)
  --books-items documented|lenient
                           /books/v3/items as Books documents it: no last_modified_time
                           filter, sort only by name, rate, tax_name (default lenient)
  --books-pricebook-list documented|summary
                           /books/v3/pricebooks rows with their pricebook_items, as Books
                           documents them, or without (default documented)
  --quiet                  no request log
  --help                   this text
)";
}

Options parse_options(int argc, const char* const* argv, bool& help) {
  Options options;
  help = false;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    if (flag.substr(0, 2) != "--") {
      throw UsageError("unexpected argument \"" + std::string(flag) + "\" (try --help)");
    }
    flag.remove_prefix(2);
    std::string_view value;
    bool has_inline_value = false;
    if (const auto equals = flag.find('='); equals != std::string_view::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
      has_inline_value = true;
    }
    if (flag == "help") {
      help = true;
      return options;
    }
    if (flag == "quiet") {
      options.quiet = true;
      continue;
    }
    if (std::find(valued_flags.begin(), valued_flags.end(), flag) == valued_flags.end()) {
      throw UsageError("unknown option --" + std::string(flag) + " (try --help)");
    }
    if (!has_inline_value) {
      if (i + 1 >= args.size()) {
        throw UsageError("--" + std::string(flag) + " needs a value");
      }
      value = args[++i];
    }
    constexpr long long_max = std::numeric_limits<long>::max();
    if (flag == "port") {
      options.port = parse_number<int>(flag, value, 0, 65535);
    } else if (flag == "port-file") {
      options.port_file = std::string(value);
    } else if (flag == "catalog") {
      if (value != "audit" && value != "large" && value != "tsh") {
        throw UsageError("--catalog is audit, large or tsh");
      }
      options.catalog = value == "audit"   ? CatalogKind::audit
                        : value == "large" ? CatalogKind::large
                                           : CatalogKind::tsh;
    } else if (flag == "items") {
      options.items = parse_number<std::size_t>(flag, value, 1, 10'000'000);
    } else if (flag == "seed") {
      options.seed = parse_number<std::uint64_t>(flag, value, 0, std::numeric_limits<std::uint64_t>::max());
    } else if (flag == "rate-limit") {
      options.rate_limit = parse_number<long>(flag, value, 0, long_max);
    } else if (flag == "daily-limit") {
      options.daily_limit = parse_number<long>(flag, value, 0, long_max);
    } else if (flag == "token-ttl") {
      options.token_ttl = parse_number<long>(flag, value, 1, long_max);
    } else if (flag == "client-id") {
      options.client_id = std::string(value);
    } else if (flag == "client-secret") {
      options.client_secret = std::string(value);
    } else if (flag == "refresh-token") {
      options.refresh_token = std::string(value);
    } else if (flag == "organization-id") {
      options.organization_id = std::string(value);
    } else if (flag == "books-items") {
      if (value != "documented" && value != "lenient") {
        throw UsageError("--books-items is documented or lenient");
      }
      options.books_items = std::string(value);
    } else if (flag == "books-pricebook-list") {
      if (value != "documented" && value != "summary") {
        throw UsageError("--books-pricebook-list is documented or summary");
      }
      options.books_pricebook_list = std::string(value);
    } else if (flag == "modified-comparison") {
      if (value != "ge" && value != "gt") {
        throw UsageError("--modified-comparison is ge or gt");
      }
      options.modified_comparison = value == "ge" ? ModifiedComparison::ge : ModifiedComparison::gt;
    }
  }
  return options;
}

}  // namespace zoho_standin
