#include <tshsync/core/config.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

#include <tshsync/core/config_file_access.hpp>
#include <tshsync/core/error.hpp>
#include <tshsync/util/duration.hpp>
#include <tshsync/util/files.hpp>
#include <tshsync/util/redact.hpp>

namespace tshsync::core {

namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20;  // a config file is a few KiB

// Reads the keys of one TOML table and remembers which were used, so an
// unknown key (a typo the operator would otherwise never notice) is an error.
class TableReader {
 public:
  TableReader(const toml::table* table, std::string section, std::string source)
      : table_(table), section_(std::move(section)), source_(std::move(source)) {}

  void string(const char* key, std::string& out) {
    if (auto node = take(key)) {
      if (!node->is_string()) fail(key, "must be a string");
      out = *node->value<std::string>();
    }
  }

  void integer(const char* key, int& out, long long min, long long max) {
    if (auto node = take(key)) {
      if (!node->is_integer()) fail(key, "must be an integer");
      const long long v = *node->value<long long>();
      if (v < min || v > max) fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      out = static_cast<int>(v);
    }
  }

  // Durations are positive and at most `max`: a zero timeout would wait for
  // ever, a huge lookback overflows the clock arithmetic.
  void duration(const char* key, std::chrono::seconds& out, std::chrono::seconds max = std::chrono::hours(24 * 365)) {
    if (auto node = take(key)) {
      std::chrono::seconds value{};
      try {
        if (node->is_integer()) {
          value = std::chrono::seconds(*node->value<long long>());
        } else if (node->is_string()) {
          value = util::parse_duration(*node->value<std::string>());
        } else {
          fail(key, "must be a duration such as \"15m\"");
        }
      } catch (const std::invalid_argument& e) {
        fail(key, e.what());
      }
      if (value.count() <= 0 || value > max)
        fail(key, "must be a positive duration of at most " + util::format_duration(max));
      out = value;
    }
  }

  // A list of column names: strings(), and never empty (a mapping needs a column).
  void string_list(const char* key, std::vector<std::string>& out) {
    if (const toml::node* node = table_ ? table_->get(key) : nullptr;
        node && (!node->is_array() || node->as_array()->empty()))
      fail(key, "must be a non-empty list of column names");
    strings(key, out, "must be a list of column names");
  }

  // A table of column = value (string, integer, float or boolean), kept as text.
  void value_map(const char* key, std::map<std::string, std::string>& out) {
    const toml::table* values = subtable(key);
    if (!values) return;
    for (const auto& [name, node] : *values) {
      std::string text;
      if (node.is_string()) {
        text = *node.value<std::string>();
      } else if (node.is_integer()) {
        text = std::to_string(*node.value<long long>());
      } else if (node.is_floating_point()) {
        std::ostringstream number;
        number << *node.value<double>();
        text = number.str();
      } else if (node.is_boolean()) {
        text = *node.value<bool>() ? "true" : "false";
      } else {
        fail(key, "values must be strings, numbers or booleans (\"" + std::string(name.str()) + "\")");
      }
      out[std::string(name.str())] = text;
    }
  }

  void boolean(const char* key, bool& out) {
    if (auto node = take(key)) {
      if (!node->is_boolean()) fail(key, "must be true or false");
      out = *node->value<bool>();
    }
  }

  void fraction(const char* key, double& out) {
    if (auto node = take(key)) {
      if (!node->is_number()) fail(key, "must be a number between 0 and 1");
      const double v = *node->value<double>();
      if (!(v >= 0 && v <= 1)) fail(key, "must be between 0 and 1");
      out = v;
    }
  }

  void strings(const char* key, std::vector<std::string>& out, const char* what = "must be a list of strings") {
    if (auto node = take(key)) {
      const toml::array* list = node->as_array();
      if (list == nullptr) fail(key, what);
      std::vector<std::string> values;
      for (const auto& element : *list) {
        if (!element.is_string()) fail(key, what);
        values.push_back(*element.value<std::string>());
      }
      out = std::move(values);
    }
  }

  const toml::table* subtable(const char* key) {
    if (auto node = take(key)) {
      if (!node->is_table()) fail(key, "must be a table");
      return node->as_table();
    }
    return nullptr;
  }

  void finish() const {
    if (!table_) return;
    for (const auto& [key, node] : *table_) {
      (void)node;
      if (!used_.count(std::string(key.str())))
        throw config_error(source_ + ": unknown key '" + qualified(std::string(key.str())) + "'");
    }
  }

  [[noreturn]] void fail(const char* key, const std::string& what) const {
    throw config_error(source_ + ": " + qualified(key) + " " + what);
  }

 private:
  const toml::node* take(const char* key) {
    if (!table_) return nullptr;
    used_.insert(key);
    return table_->get(key);
  }

  std::string qualified(const std::string& key) const { return section_.empty() ? key : section_ + "." + key; }

  const toml::table* table_;
  std::string section_;
  std::string source_;
  std::set<std::string> used_;
};

void require_one_of(const std::string& source, const char* key, const std::string& value,
                    const std::set<std::string>& allowed) {
  if (allowed.count(value)) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw config_error(source + ": " + key + " is '" + value + "'; expected one of " + list);
}

void validate(const Config& c, const std::string& source) {
  require_one_of(source, "zoho.product", c.zoho.product, {"books", "inventory"});
  require_one_of(source, "zoho.dc", c.zoho.dc, {"com", "eu", "in", "com.au", "jp", "ca", "com.cn", "sa"});
  require_one_of(source, "zoho.stock_field", c.zoho.stock_field,
                 {"stock_on_hand", "available_stock", "location_stock_on_hand", "location_available_stock",
                  "location_available_for_sale_stock"});
  if (c.zoho.stock_field.rfind("location_", 0) == 0 && c.zoho.stock_location.empty())
    throw config_error(source + ": zoho.stock_field '" + c.zoho.stock_field +
                       "' needs zoho.stock_location (the location's id or name)");
  for (const auto& type : c.zoho.item_types)
    require_one_of(source, "zoho.item_types", type, {"inventory", "sales", "purchases", "sales_and_purchases"});
  for (const auto& type : c.zoho.product_types)
    require_one_of(source, "zoho.product_types", type, {"goods", "service"});
  if (c.replay.max_attempts < 1 || c.replay.max_attempts > 10)
    throw config_error(source + ": replay.max_attempts must be between 1 and 10");
}

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

int env_int(const char* name, int fallback, int min, int max) {
  auto v = env(name);
  if (!v) return fallback;
  try {
    size_t used = 0;
    const long long n = std::stoll(*v, &used);
    if (used != v->size() || n < min || n > max) throw std::invalid_argument("range");
    return static_cast<int>(n);
  } catch (const std::exception&) {
    throw config_error(std::string("environment variable ") + name + " must be an integer between " +
                       std::to_string(min) + " and " + std::to_string(max));
  }
}

void apply_environment(Config& c) {
  auto set = [](const char* name, std::string& out) {
    if (auto v = env(name)) out = *v;
  };
  set("TSHSYNC_DSN", c.database.dsn);
  set("TSHSYNC_METRICS_JSONL", c.metrics.jsonl_path);
  set("TSHSYNC_METRICS_TEXTFILE_DIR", c.metrics.textfile_dir);
  set("ZOHO_CLIENT_ID", c.zoho.client_id);
  set("ZOHO_CLIENT_SECRET", c.zoho.client_secret);
  set("ZOHO_REFRESH_TOKEN", c.zoho.refresh_token);
  set("ZOHO_ORGANIZATION_ID", c.zoho.organization_id);
  set("ZOHO_PRODUCT", c.zoho.product);
  set("ZOHO_DC", c.zoho.dc);
  set("ZOHO_ACCOUNTS_URL", c.zoho.accounts_url);
  set("ZOHO_API_URL", c.zoho.api_url);
  set("ZOHO_IMAGE_URL_TEMPLATE", c.zoho.image_url_template);
  set("ZOHO_STOCK_FIELD", c.zoho.stock_field);
  set("ZOHO_STOCK_LOCATION", c.zoho.stock_location);
  c.zoho.requests_per_minute = env_int("ZOHO_REQUESTS_PER_MINUTE", c.zoho.requests_per_minute, 1, 10000);
  c.zoho.daily_call_budget = env_int("ZOHO_DAILY_CALL_BUDGET", c.zoho.daily_call_budget, 0, 100000000);
  set("ZOHO_WEBHOOK_SECRET", c.replay.webhook_secret);
  set("TSHSYNC_WEBHOOK_KEY", c.replay.webhook_key);
  set("TSHSYNC_SLACK_WEBHOOK_URL", c.alerts.slack_webhook_url);
  set("TSHSYNC_HEALTHCHECKS_URL", c.alerts.healthchecks_url);
}

void register_secrets(const Config& c) {
  util::register_dsn_secrets(c.database.dsn);
  util::register_secret(c.zoho.client_secret);
  util::register_secret(c.zoho.refresh_token);
  util::register_secret(c.replay.webhook_secret);
  util::register_secret(c.replay.webhook_key);
  util::register_secret(c.alerts.slack_webhook_url);
  util::register_secret(c.alerts.healthchecks_url);
}

// Names of the keys in a file that hold secrets, for the permission check.
std::vector<std::string> secrets_in(const Config& c) {
  std::vector<std::string> keys;
  if (c.database.dsn.find("password") != std::string::npos ||
      (c.database.dsn.find("://") != std::string::npos && c.database.dsn.find('@') != std::string::npos &&
       c.database.dsn.find(':', c.database.dsn.find("://") + 3) < c.database.dsn.find('@')))
    keys.emplace_back("database.dsn");
  if (!c.zoho.client_secret.empty()) keys.emplace_back("zoho.client_secret");
  if (!c.zoho.refresh_token.empty()) keys.emplace_back("zoho.refresh_token");
  if (!c.replay.webhook_secret.empty()) keys.emplace_back("replay.webhook_secret");
  if (!c.replay.webhook_key.empty()) keys.emplace_back("replay.webhook_key");
  if (!c.alerts.slack_webhook_url.empty()) keys.emplace_back("alerts.slack_webhook_url");
  if (!c.alerts.healthchecks_url.empty()) keys.emplace_back("alerts.healthchecks_url");
  return keys;
}

// [zoho.call_shares]: command = share of [zoho].daily_call_budget (0..1),
// together at most 1. The table replaces the defaults: a command it leaves
// out has no share (it only counts against the whole budget).
void read_call_shares(const toml::table* table, core::ZohoConfig& zoho, const std::string& source_name) {
  TableReader shares(table, "zoho.call_shares", source_name);
  std::map<std::string, double> given;
  for (const auto& entry : zoho.call_shares) {
    double share = -1;
    shares.fraction(entry.first.c_str(), share);
    if (share >= 0) given[entry.first] = share;
  }
  shares.finish();
  zoho.call_shares = std::move(given);
  double total = 0;
  for (const auto& entry : zoho.call_shares) total += entry.second;
  if (total > 1.0 + 1e-9)
    throw config_error(source_name + ": [zoho.call_shares] add up to more than 1 (the whole daily_call_budget)");
}

// [erp], [erp.products] (+ insert_defaults), [erp.pricelists], [erp.product_prices].
void read_erp_section(TableReader& top, ErpConfig& erp, const std::string& source_name) {
  TableReader section(top.subtable("erp"), "erp", source_name);
  section.boolean("price_trigger", erp.price_trigger);
  TableReader products(section.subtable("products"), "erp.products", source_name);
  products.string_list("price_columns", erp.price_columns);
  products.string_list("stock_columns", erp.stock_columns);
  products.string_list("image_columns", erp.image_columns);
  products.value_map("insert_defaults", erp.product_insert_defaults);
  products.finish();
  TableReader pricelists(section.subtable("pricelists"), "erp.pricelists", source_name);
  pricelists.string("zoho_id_column", erp.pricelist_zoho_id_column);
  pricelists.finish();
  TableReader prices(section.subtable("product_prices"), "erp.product_prices", source_name);
  prices.value_map("insert_defaults", erp.product_price_insert_defaults);
  prices.finish();
  section.finish();
}

}  // namespace

Config parse_config_text(const std::string& text, const std::string& source_name) {
  Config c;
  c.source = source_name;
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw config_error(source_name + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " +
                       std::string(e.description()));
  }
  TableReader top(&root, "", source_name);

  TableReader db(top.subtable("database"), "database", source_name);
  db.string("dsn", c.database.dsn);
  db.duration("lock_timeout", c.database.lock_timeout, std::chrono::hours(1));
  db.duration("statement_timeout", c.database.statement_timeout, std::chrono::hours(24));
  db.finish();

  TableReader metrics(top.subtable("metrics"), "metrics", source_name);
  metrics.string("jsonl_path", c.metrics.jsonl_path);
  metrics.string("textfile_dir", c.metrics.textfile_dir);
  metrics.finish();

  TableReader zoho(top.subtable("zoho"), "zoho", source_name);
  zoho.string("client_id", c.zoho.client_id);
  zoho.string("client_secret", c.zoho.client_secret);
  zoho.string("refresh_token", c.zoho.refresh_token);
  zoho.string("organization_id", c.zoho.organization_id);
  zoho.string("product", c.zoho.product);
  zoho.string("dc", c.zoho.dc);
  zoho.string("accounts_url", c.zoho.accounts_url);
  zoho.string("api_url", c.zoho.api_url);
  zoho.integer("requests_per_minute", c.zoho.requests_per_minute, 1, 10000);
  zoho.integer("daily_call_budget", c.zoho.daily_call_budget, 0, 100000000);
  zoho.string("image_url_template", c.zoho.image_url_template);
  zoho.string("stock_field", c.zoho.stock_field);
  zoho.string("stock_location", c.zoho.stock_location);
  zoho.strings("item_types", c.zoho.item_types);
  zoho.strings("product_types", c.zoho.product_types);
  zoho.boolean("include_combos", c.zoho.include_combos);
  zoho.duration("lookback", c.zoho.lookback, std::chrono::hours(24 * 30));
  zoho.duration("connect_timeout", c.zoho.connect_timeout, std::chrono::minutes(10));
  zoho.duration("request_timeout", c.zoho.request_timeout, std::chrono::hours(1));
  zoho.integer("max_list_pages", c.zoho.max_list_pages, 1, 1000000);
  if (const toml::table* shares = zoho.subtable("call_shares")) read_call_shares(shares, c.zoho, source_name);
  zoho.finish();

  TableReader sync(top.subtable("sync"), "sync", source_name);
  sync.string("default_pricelist", c.sync.default_pricelist);
  sync.string("default_currency", c.sync.default_currency);
  sync.fraction("max_change_share", c.sync.max_change_share);
  sync.duration("webhooks_quiet_after", c.sync.webhooks_quiet_after, std::chrono::hours(24 * 7));
  sync.finish();

  read_erp_section(top, c.erp, source_name);

  TableReader replay(top.subtable("replay"), "replay", source_name);
  replay.string("webhook_secret", c.replay.webhook_secret);
  replay.string("webhook_key", c.replay.webhook_key);
  replay.string("signature_header", c.replay.signature_header);
  replay.integer("max_attempts", c.replay.max_attempts, 1, 10);
  if (const toml::table* targets = replay.subtable("targets")) {
    // toml++ iterates keys sorted; the first matching glob wins, so keep file order.
    std::vector<std::pair<toml::source_position, std::pair<std::string, std::string>>> ordered;
    for (const auto& [key, node] : *targets) {
      if (!node.is_string())
        throw config_error(source_name + ": replay.targets.\"" + std::string(key.str()) + "\" must be a URL string");
      ordered.push_back({node.source().begin, {std::string(key.str()), *node.value<std::string>()}});
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& entry : ordered) c.replay.targets.push_back(std::move(entry.second));
  }
  replay.finish();

  TableReader alerts(top.subtable("alerts"), "alerts", source_name);
  alerts.string("slack_webhook_url", c.alerts.slack_webhook_url);
  alerts.string("healthchecks_url", c.alerts.healthchecks_url);
  alerts.duration("cooldown", c.alerts.cooldown);
  alerts.finish();

  TableReader health(top.subtable("health"), "health", source_name);
  health.duration("window", c.health.window);
  health.duration("stale_after", c.health.stale_after);
  health.duration("stuck_after", c.health.stuck_after);
  health.finish();

  top.finish();
  return c;
}

Config load_config(const ConfigSources& sources) {
  std::string path;
  bool explicit_path = true;
  if (sources.config_path) {
    path = *sources.config_path;
  } else if (auto from_env = env("TSHSYNC_CONFIG")) {
    path = *from_env;
  } else {
    path = kDefaultConfigPath;
    explicit_path = false;
  }

  Config c;
  const bool exists = config_file_present(path);
  if (!exists && explicit_path) throw config_error("config file " + path + " does not exist");
  if (exists) {
    std::string text;
    try {
      text = util::read_regular_file(path, kMaxConfigBytes);
    } catch (const std::runtime_error& e) {
      throw config_error(e.what());
    }
    c = parse_config_text(text, path);
    register_secrets(c);  // before any message can mention them
    const auto secret_keys = secrets_in(c);
    if (!secret_keys.empty()) refuse_exposed_secrets(path, secret_keys.front());
  }
  apply_environment(c);
  if (sources.dsn) c.database.dsn = *sources.dsn;
  register_secrets(c);
  validate(c, c.source.empty() ? "configuration" : c.source);
  return c;
}

}  // namespace tshsync::core
