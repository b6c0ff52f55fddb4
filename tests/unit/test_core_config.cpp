#include <doctest/doctest.h>

#include <tshsync/core/config.hpp>
#include <tshsync/core/error.hpp>

using namespace tshsync::core;

namespace {
ExitCode code_of(const std::string& text) {
  try {
    parse_config_text(text, "test.toml");
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::success;
}

std::string message_of(const std::string& text) {
  try {
    parse_config_text(text, "test.toml");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_SUITE("core") {
  TEST_CASE("parse_config_text reads every section") {
    const Config c = parse_config_text(R"(
[database]
dsn = "dbname=erp"
[metrics]
jsonl_path = "/var/log/tshsync/metrics.jsonl"
textfile_dir = "/var/lib/node_exporter"
[zoho]
organization_id = "123"
product = "inventory"
dc = "eu"
requests_per_minute = 80
lookback = "15m"
[sync]
default_pricelist = "Retail"
[replay]
max_attempts = 7
[replay.targets]
"invoice.*" = "http://127.0.0.1:8000/api/zoho/sync-invoices"
"contact.*" = "http://127.0.0.1:8000/api/zoho/sync-customers"
[alerts]
cooldown = "30m"
[health]
window = "2h"
)",
                                       "test.toml");
    CHECK(c.database.dsn == "dbname=erp");
    CHECK(c.zoho.product == "inventory");
    CHECK(c.zoho.requests_per_minute == 80);
    CHECK(c.zoho.lookback == std::chrono::minutes(15));
    CHECK(c.sync.default_pricelist == "Retail");
    CHECK(c.replay.max_attempts == 7);
    REQUIRE(c.replay.targets.size() == 2);
    CHECK(c.replay.targets[0].first == "invoice.*");
    CHECK(c.alerts.cooldown == std::chrono::minutes(30));
    CHECK(c.health.window == std::chrono::hours(2));
  }

  TEST_CASE("an unknown key is an error that names it") {
    CHECK(code_of("[zoho]\nclient_secert = \"x\"\n") == ExitCode::config);
    CHECK(message_of("[zoho]\nclient_secert = \"x\"\n").find("zoho.client_secert") != std::string::npos);
    CHECK(message_of("[zohoo]\n").find("zohoo") != std::string::npos);
  }

  TEST_CASE("wrong types and values are configuration errors") {
    CHECK(code_of("[zoho]\nrequests_per_minute = \"fast\"\n") == ExitCode::config);
    CHECK(code_of("[zoho]\nrequests_per_minute = 0\n") == ExitCode::config);
    CHECK(code_of("[zoho]\nlookback = \"soon\"\n") == ExitCode::config);
    // Durations: positive, bounded, no overflow.
    CHECK(code_of("[zoho]\nlookback = 0\n") == ExitCode::config);
    CHECK(code_of("[zoho]\nlookback = -600\n") == ExitCode::config);
    CHECK(code_of("[zoho]\nlookback = 9223372036854775807\n") == ExitCode::config);
    CHECK(code_of("[zoho]\nrequest_timeout = \"0s\"\n") == ExitCode::config);
    CHECK(code_of("[database]\nlock_timeout = \"2h\"\n") == ExitCode::config);
    CHECK(code_of("[replay]\nmax_attempts = 11\n") == ExitCode::config);
    CHECK(code_of("[replay.targets]\n\"invoice.*\" = 3\n") == ExitCode::config);
    CHECK(code_of("this is not toml") == ExitCode::config);
  }

  TEST_CASE("a TOML syntax error names the line") {
    CHECK(message_of("[database]\ndsn = \n").find("test.toml:2") != std::string::npos);
  }

  TEST_CASE("[erp] maps tshsync's writes onto the ERP's columns; defaults are the audit's schema") {
    const Config defaults = parse_config_text("", "test.toml");
    CHECK(defaults.erp.price_trigger);
    CHECK(defaults.erp.price_columns == std::vector<std::string>{"price"});
    CHECK(defaults.erp.stock_columns == std::vector<std::string>{"stock_quantity"});
    CHECK(defaults.erp.image_columns == std::vector<std::string>{"image_url"});
    CHECK(defaults.erp.pricelist_zoho_id_column.empty());
    CHECK(defaults.erp.product_insert_defaults.empty());

    const Config c = parse_config_text(R"(
[erp]
price_trigger = false
[erp.products]
price_columns = ["price", "unit_price"]
stock_columns = ["stock_quantity", "actual_available_stock"]
image_columns = ["image_url", "cdn_image_url"]
[erp.products.insert_defaults]
category_id = 1
unit_of_measure = "pcs"
sku = "ZOHO-{zoho_item_id}"
weight = 0.5
is_digital = false
[erp.pricelists]
zoho_id_column = "zoho_pricelist_id"
[erp.product_prices.insert_defaults]
pricing_list_id = 1
[replay]
webhook_key = "k"
)",
                                       "test.toml");
    CHECK_FALSE(c.erp.price_trigger);
    CHECK(c.erp.price_columns == std::vector<std::string>{"price", "unit_price"});
    CHECK(c.erp.stock_columns.back() == "actual_available_stock");
    CHECK(c.erp.image_columns.back() == "cdn_image_url");
    CHECK(c.erp.product_insert_defaults.at("category_id") == "1");
    CHECK(c.erp.product_insert_defaults.at("sku") == "ZOHO-{zoho_item_id}");
    CHECK(c.erp.product_insert_defaults.at("weight") == "0.5");
    CHECK(c.erp.product_insert_defaults.at("is_digital") == "false");
    CHECK(c.erp.pricelist_zoho_id_column == "zoho_pricelist_id");
    CHECK(c.erp.product_price_insert_defaults.at("pricing_list_id") == "1");
    CHECK(c.replay.webhook_key == "k");
  }

  TEST_CASE("[erp]: unknown keys and wrong types are errors") {
    CHECK(message_of("[erp.products]\nprice_column = [\"price\"]\n").find("erp.products.price_column") !=
          std::string::npos);
    CHECK(message_of("[erp.pricelist]\nzoho_id_column = \"x\"\n").find("erp.pricelist") != std::string::npos);
    CHECK(code_of("[erp]\nprice_trigger = 1\n") == ExitCode::config);
    CHECK(code_of("[erp.products]\nprice_columns = []\n") == ExitCode::config);
    CHECK(code_of("[erp.products]\nprice_columns = \"price\"\n") == ExitCode::config);
    CHECK(code_of("[erp.products]\nprice_columns = [1]\n") == ExitCode::config);
    CHECK(code_of("[erp.products.insert_defaults]\ntags = [1]\n") == ExitCode::config);
  }
}
