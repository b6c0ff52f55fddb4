#pragma once

#include <optional>
#include <string>

#include <tshsync/db/erp_schema.hpp>

namespace tshsync::repair {

// Active products without a row in any list, as a query's tail (" FROM ...
// WHERE ..."). NOT EXISTS, unlike the audit's LEFT JOIN + GROUP BY, can
// neither duplicate a product nor miss one.
extern const char* const kPricelessProducts;

// The INSERT of base prices for this ERP: $1 list id, $2 currency, $3 NULL or
// the product ids (text[]) being isolated, $4 the insert defaults (text[],
// insert_defaults_literal). `usable` narrows the products (" AND p.price > 0").
std::string backfill_insert_sql(const db::ErpMapping& mapping, const std::string& usable);

// The product_prices insert defaults' values, in the order the INSERT reads them.
std::string insert_defaults_literal(const db::ErpMapping& mapping);

// The currency the rows are written in: the one asked for, else the list's,
// else the fallback.
std::string backfill_currency(const std::optional<std::string>& requested, const std::string& list_currency,
                              const std::string& fallback);

}  // namespace tshsync::repair
