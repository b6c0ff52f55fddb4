#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tshsync::checks {

// A data-quality rule. Rules are code: tshsync never runs SQL text read from
// a table (product_validation_rules only names them for the results).
struct ValidationRule {
  std::string name;
  std::string description;
  std::string severity;  // error | warning | info
  // One aggregate statement: SELECT <count>, <array of the first $1 sample ids>.
  std::string sql;
};

// Every rule, in report order.
const std::vector<ValidationRule>& validation_rules();

// nullptr when no rule has that name.
const ValidationRule* find_rule(std::string_view name);

// "products_without_prices, products_without_images, ..." for usage errors.
std::string rule_names();

// pass when nothing was found; fail for an error rule with findings, warn otherwise.
std::string rule_status(const std::string& severity, long long count);

}  // namespace tshsync::checks
