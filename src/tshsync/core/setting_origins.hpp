#pragma once

#include <string>
#include <vector>

#include <tshsync/core/config.hpp>

namespace tshsync::core {

// Where one setting's value came from, for `tshsync check`.
struct SettingOrigin {
  std::string key;     // "zoho.client_id"
  std::string origin;  // "flag --dsn", "environment ZOHO_CLIENT_ID", "file /etc/tshsync/tshsync.toml", "default"
  std::string shown;   // the value, or "set"/"unset" for a secret
};

// The configuration file itself: which path, chosen how, and whether it exists.
struct ConfigFileOrigin {
  std::string path;
  std::string chosen_by;  // "--config", "TSHSYNC_CONFIG", "default"
  bool exists = false;
};

ConfigFileOrigin config_file_origin(const ConfigSources& sources);

// Every setting that has an environment variable, plus the file-only ones
// that matter to a run, in the order the example file lists them. Secrets
// (client_secret, refresh_token, webhook_secret, alert URLs) show set/unset;
// the DSN shows with its password hidden.
std::vector<SettingOrigin> setting_origins(const ConfigSources& sources, const Config& config);

}  // namespace tshsync::core
