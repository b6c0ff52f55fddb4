#pragma once

#include "catalog.hpp"

#include <nlohmann/json.hpp>

namespace zoho_standin {

// Ordered so responses read like Zoho's: "code" and "message" first.
using Json = nlohmann::ordered_json;

// Which API the object is shown through. `truth` is for /_admin/export: numbers as numbers,
// every image field plus has_image.
enum class Flavor { books, inventory, truth };

Json item_summary(const Item& item, Flavor flavor);
// The summary plus per-location stock: locations[] or warehouses[], depending on the item.
Json item_detail(const Item& item, const Catalog& catalog, Flavor flavor);

Json pricebook_summary(const Pricebook& book);
// The summary plus pricebook_items[] for per_item books.
Json pricebook_detail(const Pricebook& book, const Catalog& catalog);

Json adjustment_summary(const Adjustment& adjustment);
Json adjustment_detail(const Adjustment& adjustment, const Catalog& catalog);

Json warehouses_json(const Catalog& catalog);
Json locations_json(const Catalog& catalog);

// {"code":0,"message":"success"}, to which a response adds its collection.
Json success_envelope();

}  // namespace zoho_standin
