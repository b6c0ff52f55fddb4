#include <doctest/doctest.h>

#include <optional>
#include <string>

#include <tshsync/db/erp_schema.hpp>
#include <tshsync/repair/backfill_sql.hpp>

namespace db = tshsync::db;
namespace repair = tshsync::repair;

TEST_SUITE_BEGIN("repair");

TEST_CASE("backfill writes in the currency asked for, else the list's, else the fallback") {
  CHECK(repair::backfill_currency(std::string("USD"), "IQD", "EUR") == "USD");
  CHECK(repair::backfill_currency(std::nullopt, "IQD", "EUR") == "IQD");
  CHECK(repair::backfill_currency(std::nullopt, "", "EUR") == "EUR");
}

TEST_CASE("backfill's INSERT reads the base price column and the insert defaults in order") {
  db::ErpMapping mapping;
  mapping.price_columns = {"wholesale price"};
  const std::string plain = repair::backfill_insert_sql(mapping, " AND p.\"wholesale price\" > 0");
  CHECK(plain.find("INSERT INTO product_prices (product_id, pricelist_id, price, currency, source) SELECT") !=
        std::string::npos);
  CHECK(plain.find("p.\"wholesale price\", $2, 'backfill' FROM products p WHERE p.is_active") != std::string::npos);
  CHECK(plain.find("AND p.\"wholesale price\" > 0 AND ($3::text[] IS NULL") != std::string::npos);
  CHECK(plain.find("WITH defaults AS (SELECT $4::text[] AS v)") == 0);  // $4 is typed even without defaults
  CHECK(repair::insert_defaults_literal(mapping) == "{}");

  mapping.product_price_defaults = {{"created_by", "u-1", "uuid"}, {"note", "from \"backfill\"", "text"}};
  const std::string with_defaults = repair::backfill_insert_sql(mapping, "");
  CHECK(with_defaults.find("source, \"created_by\", \"note\")") != std::string::npos);
  CHECK(with_defaults.find("'backfill', CAST((SELECT v[1] FROM defaults) AS uuid), "
                           "CAST((SELECT v[2] FROM defaults) AS text) FROM") != std::string::npos);
  CHECK(repair::insert_defaults_literal(mapping) == "{\"u-1\",\"from \\\"backfill\\\"\"}");
}

TEST_SUITE_END();
