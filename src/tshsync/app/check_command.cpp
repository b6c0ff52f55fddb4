#include <tshsync/app/check_command.hpp>

#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/core/setting_origins.hpp>
#include <tshsync/db/connection.hpp>
#include <tshsync/db/migrations.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::app {

namespace {

// One line an operator can act on, by the exit code a step failed with.
std::string fix_for(const std::string& step, core::ExitCode code) {
  if (step == "metrics")
    return "create it writable for the user tshsync runs as (e.g. install -d -o tshsync /var/log/tshsync), or "
           "unset the key";
  const bool zoho = step == "zoho";
  switch (code) {
    case core::ExitCode::config:
      return zoho ? "correct the Zoho setting the message names (environment or [zoho] in the file)"
                  : "correct the setting the message names, then run tshsync check again";
    case core::ExitCode::no_perm:
      return zoho ? "mint a new refresh token for this client (ZOHO_REFRESH_TOKEN) or check ZOHO_CLIENT_ID/SECRET"
                  : "check the user and password in the DSN (TSHSYNC_DSN or [database].dsn)";
    case core::ExitCode::unavailable:
      return zoho ? "check this host reaches Zoho's data center (ZOHO_DC, [zoho].api_url) and retry"
                  : "check PostgreSQL runs and this host reaches it (host, port in the DSN)";
    case core::ExitCode::temp_fail:
      return "Zoho limits this organization now; retry later";
    default:
      return "run again with -v and report the message";
  }
}

struct Outcome {
  core::ExitCode first_failure = core::ExitCode::success;
  void fail(const std::string& step, const core::Error& e) {
    core::log_error("{}: {} (exit {}); fix: {}", step, util::redact(e.what()), core::to_int(e.code()),
                    fix_for(step, e.code()));
    if (first_failure == core::ExitCode::success) first_failure = e.code();
  }
};

void show_settings(const core::ConfigSources& sources, const core::Config& config, core::RunReport& report) {
  const core::ConfigFileOrigin file = core::config_file_origin(sources);
  core::log_info("configuration file: {} (chosen by {}){}", file.path, file.chosen_by,
                 file.exists ? "" : ", not found: environment and defaults only");
  report.set("config_file", file.exists ? file.path : "");
  for (const auto& s : core::setting_origins(sources, config))
    core::log_info("  {} = {}  [{}]", s.key, s.shown, s.origin);
}

bool writable_directory(const std::filesystem::path& dir) {
  return !dir.empty() && ::access(dir.c_str(), W_OK | X_OK) == 0;
}

// Where runs leave their metrics: a directory this user cannot write makes
// every run's metrics vanish, so it fails the check (78). Nothing is written.
void check_metrics(const core::Config& config, core::RunReport& report, Outcome& outcome) {
  bool ok = true;
  if (!config.metrics.jsonl_path.empty()) {
    const std::filesystem::path file(config.metrics.jsonl_path);
    std::error_code ec;
    const bool writable = std::filesystem::exists(file, ec)
                              ? ::access(file.c_str(), W_OK) == 0
                              : writable_directory(file.has_parent_path() ? file.parent_path() : ".");
    if (!writable) {
      ok = false;
      outcome.fail("metrics", core::config_error("[metrics].jsonl_path " + file.string() +
                                                 ": this user cannot create or append to it"));
    }
  }
  if (!config.metrics.textfile_dir.empty() && !writable_directory(config.metrics.textfile_dir)) {
    ok = false;
    outcome.fail("metrics", core::config_error("[metrics].textfile_dir " + config.metrics.textfile_dir +
                                               ": not a directory this user can write"));
  }
  report.set("metrics", ok ? "ok" : "failed");
  if (ok) core::log_info("metrics: destinations writable");
}

// One check for every command lets the next command's success clear a
// failure before anyone sees it; not an error, older setups work as before.
void check_alerts(const core::Config& config) {
  const std::string& url = config.alerts.healthchecks_url;
  if (!url.empty() && url.find("{command}") == std::string::npos)
    core::log_warn(
        "alerts: [alerts].healthchecks_url has no {{command}}: every command pings the same check, so one "
        "command's success clears another's failure; end it with /{{command}} (one check per command)");
}

std::unique_ptr<pqxx::connection> check_database(const core::Config& config, core::RunReport& report,
                                                 Outcome& outcome) {
  try {
    auto conn = db::connect(config.database.dsn);
    const int applied = db::applied_schema_version(*conn);
    report.set("database", "ok");
    report.set("schema_version", applied);
    core::log_info("database: reachable, schema version {} (this binary: {})", applied, db::latest_schema_version());
    try {
      db::require_current_schema(*conn);
    } catch (const core::Error& e) {
      outcome.fail("schema", e);
      return nullptr;  // the token cache and rate account may not exist yet
    }
    return conn;
  } catch (const core::Error& e) {
    report.set("database", "failed");
    outcome.fail("database", e);
  } catch (const pqxx::failure& e) {
    report.set("database", "failed");
    outcome.fail("database", core::unavailable_error(e.what()));
  }
  return nullptr;
}

// One token (from the cache or minted) and one call that names the organization.
void check_zoho(const core::Config& config, core::RunReport& report, Outcome& outcome) {
  try {
    zoho::require_zoho_config(config.zoho);
    zoho::Client client(config.zoho, config.database.dsn);
    client.get("/items", {{"page", "1"}, {"per_page", "1"}});
    report.set("zoho", "ok");
    report.set("api_calls", client.api_calls());
    core::log_info("zoho: token ok ({}), organization {} answers", client.token_requests() > 0 ? "minted" : "cached",
                   config.zoho.organization_id);
  } catch (const core::Error& e) {
    report.set("zoho", "failed");
    outcome.fail("zoho", e);
  }
}

}  // namespace

core::ExitCode check_command(const core::ConfigSources& sources, core::RunReport& report) {
  Outcome outcome;
  core::Config config;
  try {
    config = core::load_config(sources);
  } catch (const core::Error& e) {
    outcome.fail("configuration", e);
    report.set("database", "skipped");
    report.set("zoho", "skipped");
    return outcome.first_failure;
  }
  show_settings(sources, config, report);
  check_metrics(config, report, outcome);
  check_alerts(config);
  auto conn = check_database(config, report, outcome);
  if (conn) {
    check_zoho(config, report, outcome);
  } else {
    report.set("zoho", "skipped");
    core::log_warn("zoho: not checked: the token cache and rate account need a reachable, current database");
  }
  if (outcome.first_failure == core::ExitCode::success) core::log_info("check passed");
  return outcome.first_failure;
}

}  // namespace tshsync::app
