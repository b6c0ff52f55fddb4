#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tshsync::core {

struct DatabaseConfig {
  // Empty: libpq reads its own environment (PGHOST, PGDATABASE, ...).
  std::string dsn;
  // Every session's lock_timeout and statement_timeout: a run never waits for
  // ever behind another session's lock (exit 75 naming the relation).
  std::chrono::seconds lock_timeout{30};
  std::chrono::seconds statement_timeout{std::chrono::minutes(30)};
};

struct MetricsConfig {
  std::string jsonl_path;    // append one JSON line per run when set
  std::string textfile_dir;  // Prometheus node_exporter textfile directory when set
};

struct ZohoConfig {
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  std::string organization_id;
  std::string product = "books";  // books | inventory
  std::string dc = "com";         // com, eu, in, com.au, jp, ca, com.cn, sa
  std::string accounts_url;       // origin override, e.g. http://127.0.0.1:8080
  std::string api_url;            // origin override
  int requests_per_minute = 90;   // Zoho allows 100 per organization
  int daily_call_budget = 0;      // 0: no budget enforced
  // [zoho.call_shares]: the part of daily_call_budget each command may spend
  // (zoho/call_shares.hpp has the rule); the defaults follow the shipped schedule.
  std::map<std::string, double> call_shares{
      {"pull-products", 0.58}, {"pull-stock", 0.22}, {"pull-prices", 0.16}, {"replay-dlq", 0.04}};
  std::string image_url_template = "/api/images/products/{item_id}/image";
  std::string stock_field = "stock_on_hand";  // or available_stock, or a location_* figure of stock_location
  std::string stock_location;                 // id or name of the location (location_* stock fields)
  // Which Zoho items are products; others are (or become) inactive products.
  std::vector<std::string> item_types{"inventory", "sales", "sales_and_purchases"};
  std::vector<std::string> product_types{"goods", "service"};
  bool include_combos = true;
  std::chrono::seconds lookback{std::chrono::minutes(10)};
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds request_timeout{60};
  int max_list_pages = 1000;  // a listing's page cap: at least this, more for a larger known catalog
};

// TSH's currency (ISO 4217): prices go into a list in it when neither the
// list nor the command names one.
inline constexpr const char* kDefaultCurrency = "IQD";

struct SyncConfig {
  std::string default_pricelist = "Consumer";
  std::string default_currency = kDefaultCurrency;
  // A run that would delete or deactivate more than this share of a list or
  // of the active catalog stops (exit 65) unless --allow-mass-changes.
  double max_change_share = 0.10;
  // The ERP's webhook tables are the incremental pulls' change feed while it has
  // had a webhook this recently; quieter than this, they list instead and
  // `health` says the webhooks went quiet.
  std::chrono::seconds webhooks_quiet_after{std::chrono::hours(2)};
};

// How tshsync's writes map onto an existing ERP's columns ([erp]). The
// defaults are the audit's schema.
struct ErpConfig {
  bool price_trigger = true;                        // the integrity trigger; false removes it
  std::vector<std::string> price_columns{"price"};  // each receives Zoho's rate
  std::vector<std::string> stock_columns{"stock_quantity"};
  std::vector<std::string> image_columns{"image_url"};
  // column -> value (text form) used on insert where tshsync has no value;
  // "{zoho_item_id}" in a value is replaced by the item's id.
  std::map<std::string, std::string> product_insert_defaults;
  std::string pricelist_zoho_id_column;  // "" = zoho_pricelist_id when the ERP has it, else zoho_pricebook_id
  std::map<std::string, std::string> product_price_insert_defaults;
};

struct ReplayConfig {
  std::string webhook_secret;
  std::string webhook_key;  // X-Webhook-Key for TSH's receiver (a secret)
  std::string signature_header = "X-Zoho-Signature";
  int max_attempts = 10;
  // event-type glob ("invoice.*") -> receiver URL, in file order.
  std::vector<std::pair<std::string, std::string>> targets;
};

struct AlertsConfig {
  std::string slack_webhook_url;
  std::string healthchecks_url;
  std::chrono::seconds cooldown{std::chrono::hours(1)};
};

struct HealthConfig {
  std::chrono::seconds window{std::chrono::hours(1)};
  std::chrono::seconds stale_after{std::chrono::hours(2)};  // sync success older than this alerts
  std::chrono::seconds stuck_after{std::chrono::hours(1)};
};

struct Config {
  std::string source;  // the file it came from, or "" when none
  DatabaseConfig database;
  MetricsConfig metrics;
  ZohoConfig zoho;
  SyncConfig sync;
  ErpConfig erp;
  ReplayConfig replay;
  AlertsConfig alerts;
  HealthConfig health;
};

// Where the configuration comes from: --config, else TSHSYNC_CONFIG, else
// /etc/tshsync/tshsync.toml (a missing default file is fine). Environment
// variables override the file (TSHSYNC_DSN, ZOHO_*, ...); --dsn overrides all.
struct ConfigSources {
  std::optional<std::string> config_path;  // --config
  std::optional<std::string> dsn;          // --dsn
};

inline constexpr const char* kDefaultConfigPath = "/etc/tshsync/tshsync.toml";

// Throws core::Error (exit 78) naming the file, the key and what is wrong.
Config load_config(const ConfigSources& sources);

// Parses TOML text (no environment, no permission check): for tests and load_config.
Config parse_config_text(const std::string& text, const std::string& source_name);

}  // namespace tshsync::core
