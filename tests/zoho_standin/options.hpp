#pragma once

#include "catalog.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace zoho_standin {

enum class CatalogKind { audit, large, tsh };

struct Options {
  int port = 0;  // 0: pick a free port
  std::string port_file;
  CatalogKind catalog = CatalogKind::audit;
  std::size_t items = 10000;  // large catalog only
  std::uint64_t seed = 42;
  long rate_limit = 100;  // per minute, 0 = off
  long daily_limit = 0;   // 0 = off
  long token_ttl = 3600;  // seconds
  std::string client_id = "standin-client-id";
  std::string client_secret = "standin-client-secret";
  std::string refresh_token = "standin-refresh-token";
  std::string organization_id = "10234695";
  ModifiedComparison modified_comparison = ModifiedComparison::ge;
  // "documented": /books/v3/items behaves as Books documents it: sort_column only name, rate or
  // tax_name (others: 400 code 2) and no last_modified_time filter (ignored). "lenient": as
  // Inventory.
  std::string books_items = "lenient";
  // "documented": /books/v3/pricebooks rows carry pricebook_items, as the Books OAS documents its
  // list rows. "summary": rows without them (whether live Books sends them is not confirmed).
  std::string books_pricebook_list = "documented";
  bool quiet = false;
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws UsageError on a bad command line. Sets `help` (and parses nothing more) for --help.
Options parse_options(int argc, const char* const* argv, bool& help);

std::string usage_text();

}  // namespace zoho_standin
