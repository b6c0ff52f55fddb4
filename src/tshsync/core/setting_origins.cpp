#include <tshsync/core/setting_origins.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include <toml++/toml.h>

#include <tshsync/util/duration.hpp>
#include <tshsync/util/files.hpp>
#include <tshsync/util/redact.hpp>

namespace tshsync::core {

namespace {

bool env_set(const char* name) {
  const char* v = name == nullptr ? nullptr : std::getenv(name);
  return v != nullptr && *v != '\0';
}

// The keys the file sets; empty when there is no readable file.
toml::table file_table(const Config& config) {
  if (config.source.empty()) return {};
  try {
    return toml::parse(util::read_file(config.source), config.source);
  } catch (const std::exception&) {
    return {};
  }
}

struct Setting {
  std::string key;
  const char* env;  // nullptr: the file only
  bool secret;
  std::string value;
  std::string file_key = {};  // the file's key or table that sets it, when not `key`
};

std::string share_text(const std::map<std::string, double>& shares, const std::string& command) {
  const auto it = shares.find(command);
  return it == shares.end() ? "none" : fmt::format("{}", it->second);
}

std::vector<Setting> settings_of(const Config& c) {
  const auto& z = c.zoho;
  return {
      {"database.dsn", "TSHSYNC_DSN", false, util::redact(c.database.dsn)},
      {"zoho.client_id", "ZOHO_CLIENT_ID", false, z.client_id},
      {"zoho.client_secret", "ZOHO_CLIENT_SECRET", true, z.client_secret},
      {"zoho.refresh_token", "ZOHO_REFRESH_TOKEN", true, z.refresh_token},
      {"zoho.organization_id", "ZOHO_ORGANIZATION_ID", false, z.organization_id},
      {"zoho.product", "ZOHO_PRODUCT", false, z.product},
      {"zoho.dc", "ZOHO_DC", false, z.dc},
      {"zoho.accounts_url", "ZOHO_ACCOUNTS_URL", false, z.accounts_url},
      {"zoho.api_url", "ZOHO_API_URL", false, z.api_url},
      {"zoho.requests_per_minute", "ZOHO_REQUESTS_PER_MINUTE", false, std::to_string(z.requests_per_minute)},
      {"zoho.daily_call_budget", "ZOHO_DAILY_CALL_BUDGET", false, std::to_string(z.daily_call_budget)},
      {"zoho.stock_field", "ZOHO_STOCK_FIELD", false, z.stock_field},
      {"zoho.image_url_template", "ZOHO_IMAGE_URL_TEMPLATE", false, z.image_url_template},
      {"zoho.lookback", nullptr, false, util::format_duration(z.lookback)},
      // A [zoho.call_shares] table replaces every default: a command it leaves out has none.
      {"zoho.call_shares.pull-products", nullptr, false, share_text(z.call_shares, "pull-products"),
       "zoho.call_shares"},
      {"zoho.call_shares.pull-stock", nullptr, false, share_text(z.call_shares, "pull-stock"), "zoho.call_shares"},
      {"zoho.call_shares.pull-prices", nullptr, false, share_text(z.call_shares, "pull-prices"), "zoho.call_shares"},
      {"zoho.call_shares.replay-dlq", nullptr, false, share_text(z.call_shares, "replay-dlq"), "zoho.call_shares"},
      {"sync.default_pricelist", nullptr, false, c.sync.default_pricelist},
      {"sync.default_currency", nullptr, false, c.sync.default_currency},
      {"sync.webhooks_quiet_after", nullptr, false, util::format_duration(c.sync.webhooks_quiet_after)},
      {"replay.webhook_secret", "ZOHO_WEBHOOK_SECRET", true, c.replay.webhook_secret},
      {"alerts.slack_webhook_url", "TSHSYNC_SLACK_WEBHOOK_URL", true, c.alerts.slack_webhook_url},
      {"alerts.healthchecks_url", "TSHSYNC_HEALTHCHECKS_URL", true, c.alerts.healthchecks_url},
      {"metrics.jsonl_path", "TSHSYNC_METRICS_JSONL", false, c.metrics.jsonl_path},
      {"metrics.textfile_dir", "TSHSYNC_METRICS_TEXTFILE_DIR", false, c.metrics.textfile_dir},
      {"health.stale_after", nullptr, false, util::format_duration(c.health.stale_after)},
  };
}

}  // namespace

ConfigFileOrigin config_file_origin(const ConfigSources& sources) {
  ConfigFileOrigin o;
  if (sources.config_path) {
    o.path = *sources.config_path;
    o.chosen_by = "--config";
  } else if (env_set("TSHSYNC_CONFIG")) {
    o.path = std::getenv("TSHSYNC_CONFIG");
    o.chosen_by = "TSHSYNC_CONFIG";
  } else {
    o.path = kDefaultConfigPath;
    o.chosen_by = "default";
  }
  std::error_code ec;
  o.exists = std::filesystem::exists(o.path, ec);
  return o;
}

std::vector<SettingOrigin> setting_origins(const ConfigSources& sources, const Config& config) {
  const toml::table file = file_table(config);
  std::vector<SettingOrigin> out;
  for (const auto& s : settings_of(config)) {
    std::string origin = "default";
    if (s.key == "database.dsn" && sources.dsn)
      origin = "flag --dsn";
    else if (env_set(s.env))
      origin = std::string("environment ") + s.env;
    else if (file.at_path(s.file_key.empty() ? s.key : s.file_key))
      origin = "file " + config.source;
    std::string shown = s.value;
    if (s.secret)
      shown = s.value.empty() ? "unset" : "set";
    else if (shown.empty())
      shown = "(empty)";
    out.push_back({s.key, origin, shown});
  }
  return out;
}

}  // namespace tshsync::core
