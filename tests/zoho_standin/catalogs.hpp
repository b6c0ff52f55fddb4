#pragma once

#include "catalog.hpp"

#include <cstddef>
#include <cstdint>

namespace zoho_standin {

// Shaped like the October 2025 audit: 1,319 active and 37 inactive items, 71 active items
// without an image, 104 active items in no active per_item sales pricebook (6 of them with
// rate 0), two pairs of active items sharing a sku, active stock averaging 73.23.
Catalog build_audit_catalog(std::uint64_t seed);

// `item_count` items for volume tests: about 3% inactive and 5% without an image; a per_item
// "Consumer" book with 80% of active items, a fixed-percentage "Wholesale -10%" book and an
// inactive "Retired" book. Linear in item_count.
Catalog build_large_catalog(std::size_t item_count, std::uint64_t seed);

// Shaped like TSH's own organization (catalog_tsh.cpp): 2,204 items, USD rates below a dollar
// and with three decimals, 41% inactive, every item type, services, combos, negative stock,
// the "WholeSale WareHouse" location, discounts, every rounding type, an empty book detail.
Catalog build_tsh_catalog(std::uint64_t seed);

}  // namespace zoho_standin
