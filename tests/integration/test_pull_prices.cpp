#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <cmath>
#include <set>

#include <tshsync/sync/pricebook_merge.hpp>
#include <tshsync/zoho/item.hpp>

#include "support/standin.hpp"
#include "support/standin_helpers.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
namespace tsync = tshsync::sync;
namespace zoho = tshsync::zoho;
using nlohmann::json;

namespace {

const std::string kConsumer = "4815000000070001";   // per_item, IQD, with volume items
const std::string kWholesale = "4815000000070002";  // fixed_percentage -10%, base currency
const std::string kRetired = "4815000000070003";    // per_item, inactive

// The price a fixed_percentage book gives, worked out here in floating point
// the way the stand-in documents it (not with tshsync's code).
double fixed_price(double rate, const json& book) {
  const double percentage = book["percentage"].get<double>();
  const double raw = rate * (book["is_increase"].get<bool>() ? 1 + percentage / 100 : 1 - percentage / 100);
  const std::string rounding = book["rounding_type"];
  if (rounding == "round_to_dollar") return std::round(raw);
  if (rounding == "round_to_dollar_minus_01") return std::round(raw) - 0.01;
  if (rounding == "round_to_half_dollar") return std::round(raw * 2) / 2;
  if (rounding == "round_to_half_dollar_minus_01") return std::round(raw * 2) / 2 - 0.01;
  const double scale = std::pow(10.0, book["decimal_place"].get<int>());
  return std::round(raw * scale) / scale;
}

// What product_prices should hold for every active sales book of the stand-in:
// {item_id, zoho_pricebook_id, price, brackets}.
json expected_prices(const Standin& standin) {
  const json data = standin.admin_get("/_admin/export?fields=item_id,status,rate");
  json rows = json::array();
  for (const auto& book : data["pricebooks"]) {
    if (book["status"] != "active" || book["sales_or_purchase_type"] != "sales") continue;
    if (book["pricebook_type"] == "per_item") {
      for (const auto& entry : book["pricebook_items"]) {
        const bool volume = entry.contains("price_brackets");
        rows.push_back({{"item_id", entry["item_id"]},
                        {"book", book["pricebook_id"]},
                        {"price", volume ? entry["price_brackets"][0]["pricebook_rate"] : entry["pricebook_rate"]},
                        {"brackets", volume ? entry["price_brackets"] : json()}});
      }
      continue;
    }
    for (const auto& item : data["items"]) {
      if (item["status"] != "active" || item["rate"].get<double>() <= 0) continue;
      rows.push_back({{"item_id", item["item_id"]},
                      {"book", book["pricebook_id"]},
                      {"price", fixed_price(item["rate"].get<double>(), book)},
                      {"brackets", json()}});
    }
  }
  return rows;
}

// Zoho-sourced prices missing or different, plus Zoho-sourced rows Zoho does not have.
long long prices_differing(TestDatabase& db, const Standin& standin) {
  pqxx::work tx(db.conn());
  return tx
      .exec_params(R"SQL(
WITH truth AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(item_id text, book text, price numeric, brackets jsonb)
), mine AS (
  SELECT p.zoho_item_id AS item_id, l.zoho_pricebook_id AS book, pp.price, pp.price_brackets AS brackets
  FROM product_prices pp JOIN products p ON p.id = pp.product_id JOIN pricelists l ON l.id = pp.pricelist_id
  WHERE pp.source = 'zoho' AND l.is_active
)
SELECT (SELECT count(*) FROM truth t LEFT JOIN mine m USING (item_id, book)
        WHERE m.item_id IS NULL OR abs(m.price - t.price) > 0.001 OR m.brackets IS DISTINCT FROM t.brackets)
     + (SELECT count(*) FROM mine m WHERE NOT EXISTS (SELECT 1 FROM truth t WHERE (t.item_id, t.book) = (m.item_id, m.book)))
)SQL",
                   expected_prices(standin).dump())[0][0]
      .as<long long>();
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

struct Synced {
  explicit Synced(int items, const std::vector<std::string>& standin_args = {})
      : standin(with(large_catalog(items), standin_args)) {
    migrate(db);
    REQUIRE(run_tshsync(db, {"pull-products", "--full"}, pull_env(standin)).exit_code == 0);
  }
  ProcessResult pull(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"pull-prices"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_tshsync(db, args, pull_env(standin));
  }
  Standin standin;
  TestDatabase db;
};

}  // namespace

TEST_SUITE("pull-prices") {
  TEST_CASE("pull-prices mirrors every sales pricebook; a second run changes nothing") {
    Synced s(5000);
    s.standin.admin_post("/_admin/stats/reset");
    auto first = s.pull();
    REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
    const json m = metrics_of(first);
    CHECK(m["pricebooks"] == 3);
    CHECK(m["failed"] == 0);
    CHECK(m["prices_updated"] == 0);
    CHECK(m["prices_inserted"].get<long long>() > 8000);
    CHECK(m["api_calls"] == 1);  // the list: Books' rows carry the items and the fixed book's terms
    CHECK(m["pricebooks_from_list"] == 1);
    CHECK(s.standin.admin_get("/_admin/stats")["by_endpoint"]["pricebook_get"] == 0);
    CHECK(s.standin.admin_get("/_admin/stats")["by_endpoint"]["pricebooks_list"] == 1);
    CHECK(prices_differing(s.db, s.standin) == 0);
    CHECK(s.db.count("SELECT count(*) FROM product_prices WHERE price_brackets IS NOT NULL") > 0);
    CHECK(s.db.text("SELECT currency || ' ' || pricebook_type FROM pricelists WHERE zoho_pricebook_id = '" +
                    kWholesale + "'") == "IQD fixed_percentage");
    CHECK(s.db.count("SELECT count(*) FROM pricelists WHERE zoho_pricebook_id = '" + kRetired + "'") == 0);

    auto second = s.pull();
    REQUIRE_MESSAGE(second.exit_code == 0, describe(second));
    CHECK(metrics_of(second)["prices_inserted"] == 0);
    CHECK(metrics_of(second)["prices_updated"] == 0);
    CHECK(metrics_of(second)["prices_deleted"] == 0);
    CHECK(metrics_of(second)["prices_unchanged"] == m["prices_inserted"]);
  }

  TEST_CASE("changes in Zoho: rates, removed entries, markups and roundings; backfill rows stay") {
    Synced s(1200);
    REQUIRE(s.pull().exit_code == 0);
    const json consumer = s.standin.admin_get("/_admin/pricebooks/" + kConsumer);
    const std::string listed = consumer["pricebook_items"][0]["item_id"];
    const std::string delisted = consumer["pricebook_items"][1]["item_id"];
    s.standin.admin_post(
        "/_admin/pricebooks/" + kConsumer + "/items/" + listed,
        {{"pricing_scheme", "volume"},
         {"price_brackets", json::array({{{"start_quantity", 1}, {"end_quantity", 5}, {"pricebook_rate", 999}},
                                         {{"start_quantity", 6}, {"end_quantity", 99}, {"pricebook_rate", 888}}})}});
    s.standin.admin_delete("/_admin/pricebooks/" + kConsumer + "/items/" + delisted);
    s.standin.admin_post(
        "/_admin/pricebooks/" + kWholesale,
        {{"is_increase", true}, {"percentage", 12.5}, {"rounding_type", "round_to_half_dollar_minus_01"}});
    // A row the integrity trigger or backfill-prices made is not Zoho's to delete.
    s.db.exec(
        "INSERT INTO product_prices (product_id, pricelist_id, price, currency, source) "
        "SELECT p.id, l.id, 1, 'IQD', 'backfill' FROM products p, pricelists l "
        "WHERE l.zoho_pricebook_id = '" +
        kConsumer +
        "' AND NOT EXISTS (SELECT 1 FROM product_prices pp "
        "WHERE pp.product_id = p.id AND pp.pricelist_id = l.id) ORDER BY p.id LIMIT 1");

    auto r = s.pull();
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["prices_deleted"] == 1);
    CHECK(m["prices_updated"].get<long long>() > 1000);  // every wholesale price moved
    CHECK(prices_differing(s.db, s.standin) == 0);
    CHECK(s.db.count("SELECT count(*) FROM product_prices WHERE source = 'backfill'") == 1);
    CHECK(s.db.text("SELECT pp.price FROM product_prices pp JOIN products p ON p.id = pp.product_id "
                    "JOIN pricelists l ON l.id = pp.pricelist_id "
                    "WHERE l.zoho_pricebook_id = '" +
                    kConsumer + "' AND p.zoho_item_id = '" + listed + "'") == "999");

    s.standin.admin_post("/_admin/pricebooks/" + kConsumer, {{"status", "inactive"}});
    auto retired = s.pull();
    REQUIRE_MESSAGE(retired.exit_code == 0, describe(retired));
    CHECK(metrics_of(retired)["prices_deleted"] == 0);
    CHECK(s.db.text("SELECT is_active FROM pricelists WHERE zoho_pricebook_id = '" + kConsumer + "'") == "f");
    CHECK(s.db.count("SELECT count(*) FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id "
                     "WHERE l.zoho_pricebook_id = '" +
                     kConsumer + "'") > 500);  // prices left as they are
  }

  TEST_CASE("existing ERP lists are matched by id, name, then currency; an inactive book deactivates its list") {
    Synced s(300);
    s.db.exec(
        "INSERT INTO pricelists (name, currency) VALUES ('Consumer', 'IQD'), ('Shop IQD', 'IQD'), "
        "('Retired', 'USD'), ('Export USD', 'USD')");
    s.db.exec(
        "INSERT INTO product_prices (product_id, pricelist_id, price, currency) "
        "SELECT p.id, l.id, 5, 'IQD' FROM products p, pricelists l WHERE l.name = 'Retired' LIMIT 3");
    auto r = s.pull();
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["pricelists_created"] == 0);
    CHECK(metrics_of(r)["pricelists_linked"] == 3);
    CHECK(s.db.text("SELECT zoho_pricebook_id FROM pricelists WHERE name = 'Consumer'") == kConsumer);
    CHECK(s.db.text("SELECT zoho_pricebook_id FROM pricelists WHERE name = 'Shop IQD'") == kWholesale);
    CHECK(s.db.text("SELECT zoho_pricebook_id || ' ' || is_active FROM pricelists WHERE name = 'Retired'") ==
          kRetired + " false");
    CHECK(s.db.count("SELECT count(*) FROM product_prices pp JOIN pricelists l ON l.id = pp.pricelist_id "
                     "WHERE l.name = 'Retired'") == 3);
    CHECK(s.db.text("SELECT coalesce(zoho_pricebook_id, 'none') FROM pricelists WHERE name = 'Export USD'") == "none");
    CHECK(prices_differing(s.db, s.standin) == 0);
  }

  TEST_CASE("pull-prices --dry-run counts and writes nothing") {
    Synced s(300);
    auto r = s.pull({"--dry-run"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["prices_inserted"].get<long long>() > 300);
    CHECK(s.db.count("SELECT count(*) FROM pricelists") == 0);
    CHECK(s.db.count("SELECT count(*) FROM product_prices") == 0);
  }

  TEST_CASE("apply_pricebook: bad rows are skipped without losing their price; unknown books are refused") {
    Synced s(200);
    REQUIRE(s.pull().exit_code == 0);
    const json detail = s.standin.admin_get("/_admin/pricebooks/" + kConsumer);
    json items = detail["pricebook_items"];
    const std::string damaged = items[0]["item_id"];
    items[0]["pricebook_rate"] = "abc";
    items.push_back({{"item_id", "4815999999999999"}, {"pricebook_rate", 1}});
    const zoho::Pricebook book = zoho::parse_pricebook(detail);
    {
      pqxx::work tx(s.db.conn());
      const tsync::PriceCounts counts = tsync::apply_pricebook(tx, book, items, tsync::PriceOptions{});
      CHECK(counts.failed == 1);
      CHECK(counts.skipped_unknown_items == 1);
      CHECK(counts.prices_deleted == 0);
      CHECK(counts.prices_inserted + counts.prices_updated == 0);
      tx.commit();
    }
    CHECK(prices_differing(s.db, s.standin) == 0);

    zoho::Pricebook odd = zoho::parse_pricebook(s.standin.admin_get("/_admin/pricebooks/" + kWholesale));
    odd.rounding_type = "round_to_nickel";
    pqxx::work tx(s.db.conn());
    CHECK_THROWS_AS(tsync::apply_pricebook(tx, odd, json::array(), tsync::PriceOptions{}), zoho::RecordError);
    CHECK_THROWS_AS(tsync::apply_pricebook(tx, book, json(), tsync::PriceOptions{}), zoho::RecordError);
  }

  TEST_CASE("refresh_pricebook re-reads one book; a book Zoho lost deactivates its list") {
    Synced s(200);
    REQUIRE(s.pull().exit_code == 0);
    s.db.exec("DELETE FROM product_prices");
    tshsync::zoho::Client client(s.standin.zoho_config(), s.db.dsn());
    const tsync::PriceCounts counts = tsync::refresh_pricebook(client, s.db.conn(), kWholesale, tsync::PriceOptions{});
    CHECK(counts.prices_inserted > 100);
    CHECK(tsync::refresh_pricebook(client, s.db.conn(), "4815000000079999", tsync::PriceOptions{}).pricebooks == 0);
    s.db.exec("UPDATE pricelists SET zoho_pricebook_id = '4815000000079999' WHERE zoho_pricebook_id = '" + kConsumer +
              "'");
    CHECK(tsync::refresh_pricebook(client, s.db.conn(), "4815000000079999", tsync::PriceOptions{})
              .pricelists_deactivated == 1);
  }

  TEST_CASE("with a fifth of the requests failing, pull-prices ends with documented codes and then converges") {
    Synced s(1000);
    // Retry-After: 0 on the answers that can carry it: retry waits under a second, not the backoff.
    s.standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"kind", "status"}, {"status", 502}, {"retry_after", 0}, {"probability", 0.06}},
                                {{"kind", "rate_limit"}, {"retry_after", 0}, {"probability", 0.05}},
                                {{"kind", "reset"}, {"probability", 0.05}},
                                {{"kind", "code_nonzero"}, {"retry_after", 0}, {"probability", 0.05}}})}});
    const std::set<int> documented{0, 69, 75};
    for (int i = 0; i < 3; ++i) {
      auto r = s.pull();
      CHECK_MESSAGE(documented.count(r.exit_code) == 1, describe(r));
    }
    s.standin.admin_delete("/_admin/faults");
    auto clean = s.pull();
    REQUIRE_MESSAGE(clean.exit_code == 0, describe(clean));
    CHECK(prices_differing(s.db, s.standin) == 0);
    CHECK(s.db.count("SELECT count(*) FROM pricelists") == 2);
  }
  TEST_CASE("list rows without items: each per_item book's detail, the same prices") {
    Synced s(2000, {"--books-pricebook-list", "summary"});
    s.standin.admin_post("/_admin/stats/reset");
    auto r = s.pull({"--full"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["api_calls"] == 2);  // the list and Consumer's detail; the fixed book's row names its terms
    CHECK(m["pricebooks_from_list"] == 0);
    CHECK(s.standin.admin_get("/_admin/stats")["by_endpoint"]["pricebook_get"] == 1);
    CHECK(prices_differing(s.db, s.standin) == 0);
  }

  TEST_CASE("a list row with an empty or absent pricebook_items while the ERP holds its prices: the detail decides") {
    Synced s(2000);
    REQUIRE(s.pull({"--full"}).exit_code == 0);
    const long long held = s.db.count("SELECT count(*) FROM product_prices");
    REQUIRE(held > 1000);
    // A changed price, so the detail's answer shows.
    const json consumer = s.standin.admin_get("/_admin/pricebooks/" + kConsumer);
    const std::string item = consumer["pricebook_items"][0]["item_id"];
    s.standin.admin_post("/_admin/pricebooks/" + kConsumer + "/items/" + item, {{"pricebook_rate", 77250}});
    // The list's rows come without their items: an empty list, then no key at all.
    for (const std::string replace : {R"("pricebook_items":[],"elsewhere":[)", R"("elsewhere":[)"}) {
      CAPTURE(replace);
      s.standin.admin_post("/_admin/faults", {{"rules", json::array({{{"path", "/pricebooks"},
                                                                      {"kind", "rewrite"},
                                                                      {"find", "\"pricebook_items\":["},
                                                                      {"replace", replace},
                                                                      {"count", 1}}})}});
      s.standin.admin_post("/_admin/stats/reset");
      auto r = s.pull({"--full"});
      REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
      CHECK(metrics_of(r)["prices_deleted"] == 0);
      CHECK_MESSAGE(metrics_of(r)["pricebooks_from_list"] == 0, describe(r));
      CHECK(s.standin.admin_get("/_admin/stats")["by_endpoint"]["pricebook_get"] == 1);
      CHECK(s.db.count("SELECT count(*) FROM product_prices") == held);
      CHECK(prices_differing(s.db, s.standin) == 0);
    }
  }

  TEST_CASE("a list row that leaves out prices the list holds deletes nothing by itself: the detail decides") {
    Synced s(2000);
    REQUIRE(s.pull({"--full"}).exit_code == 0);
    const long long held = s.db.count("SELECT count(*) FROM product_prices");
    const json consumer = s.standin.admin_get("/_admin/pricebooks/" + kConsumer);
    const std::string item = consumer["pricebook_items"][1]["item_id"];
    // Zoho's row lists one item fewer, its detail every item: nothing goes.
    s.standin.admin_post("/_admin/faults", {{"rules", json::array({{{"path", "/pricebooks"},
                                                                    {"kind", "rewrite"},
                                                                    {"find", "\"item_id\":\"" + item + "\""},
                                                                    {"replace", "\"item_id\":\"4815000009999999\""},
                                                                    {"count", 1}}})}});
    s.standin.admin_post("/_admin/stats/reset");
    auto r = s.pull({"--full"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["prices_deleted"] == 0);
    CHECK(s.standin.admin_get("/_admin/stats")["by_endpoint"]["pricebook_get"] == 1);
    CHECK(s.db.count("SELECT count(*) FROM product_prices") == held);
    // Gone from the detail too: now it goes, once.
    s.standin.admin_delete("/_admin/pricebooks/" + kConsumer + "/items/" + item);
    r = s.pull({"--full"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["prices_deleted"] == 1);
    CHECK(prices_differing(s.db, s.standin) == 0);
  }

  TEST_CASE("a detail that fails mid-run ends the run; the prices already held stay as they were") {
    Synced s(2000, {"--books-pricebook-list", "summary"});
    REQUIRE(s.pull({"--full"}).exit_code == 0);
    const std::string before = s.db.text(
        "SELECT md5(string_agg(product_id || ':' || pricelist_id || ':' || price, ',' "
        "ORDER BY product_id, pricelist_id)) FROM product_prices");
    const json consumer = s.standin.admin_get("/_admin/pricebooks/" + kConsumer);
    s.standin.admin_post(
        "/_admin/pricebooks/" + kConsumer + "/items/" + consumer["pricebook_items"][0]["item_id"].get<std::string>(),
        {{"pricebook_rate", 91250}});
    s.standin.admin_post(
        "/_admin/faults",
        {{"rules", json::array({{{"path", "/pricebooks/" + kConsumer}, {"kind", "status"}, {"status", 400}}})}});
    auto r = s.pull({"--full"});
    CHECK_MESSAGE(r.exit_code == 69, describe(r));
    CHECK(s.db.text("SELECT md5(string_agg(product_id || ':' || pricelist_id || ':' || price, ',' "
                    "ORDER BY product_id, pricelist_id)) FROM product_prices") == before);
    s.standin.admin_delete("/_admin/faults");
    r = s.pull({"--full"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(metrics_of(r)["prices_updated"] == 1);
    CHECK(prices_differing(s.db, s.standin) == 0);
  }

  TEST_CASE("the --full estimate counts the books priced item by item: it is what the run calls") {
    // Consumer's detail and row list no items: it is priced through /items/pricebookrate, 100 ids a call.
    Synced s(2000);
    s.standin.admin_post("/_admin/pricebooks/" + kConsumer, {{"items_shape", "empty"}});
    REQUIRE(s.pull({"--full"}).exit_code == 0);
    const long long active = s.db.count("SELECT count(*) FROM products WHERE is_active");
    REQUIRE(active > 1000);
    TempDir dir;
    dir.write("tshsync.toml", "[zoho]\ndaily_call_budget = 100000\n");
    s.standin.admin_post("/_admin/stats/reset");
    auto r = run_tshsync(s.db, {"--config", dir.file("tshsync.toml"), "pull-prices", "--full"}, pull_env(s.standin));
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const json m = metrics_of(r);
    CHECK(m["pricebooks_by_item_rates"] == 1);
    const long long counted = s.standin.admin_get("/_admin/stats")["api_requests"].get<long long>();
    CHECK(counted == 2 + (active + 99) / 100);  // the list, Consumer's detail, the rate calls
    CHECK(m["calls_estimated"].get<long long>() == counted);
    CHECK(m["api_calls"].get<long long>() == counted);
  }
}
