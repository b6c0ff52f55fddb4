// `tshsync check`'s list of settings: the value and where it came from.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include <tshsync/core/setting_origins.hpp>

using namespace tshsync::core;

namespace {

// The settings `check` shows for a configuration file with this text.
std::map<std::string, SettingOrigin> origins_for(const std::string& toml, std::string& path) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "tshsync-origins-XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  path = tmpl + "/tshsync.toml";
  std::ofstream(path) << toml;
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  ConfigSources sources;
  sources.config_path = path;
  std::map<std::string, SettingOrigin> out;
  for (auto& s : setting_origins(sources, load_config(sources))) out[s.key] = s;
  std::filesystem::remove_all(tmpl);
  return out;
}

}  // namespace

TEST_SUITE("core setting origins") {
  TEST_CASE("[zoho.call_shares] and [sync].webhooks_quiet_after show their defaults") {
    std::string path;
    auto o = origins_for("[sync]\ndefault_currency = \"USD\"\n", path);
    const std::map<std::string, std::string> defaults{{"zoho.call_shares.pull-products", "0.58"},
                                                      {"zoho.call_shares.pull-stock", "0.22"},
                                                      {"zoho.call_shares.pull-prices", "0.16"},
                                                      {"zoho.call_shares.replay-dlq", "0.04"},
                                                      {"sync.webhooks_quiet_after", "2h"}};
    for (const auto& entry : defaults) {
      const std::string& key = entry.first;  // not a structured binding: CAPTURE's lambda takes it
      CAPTURE(key);
      REQUIRE(o.count(key) == 1);
      CHECK(o[key].shown == entry.second);
      CHECK(o[key].origin == "default");
    }
    CHECK(o["sync.default_currency"].origin == "file " + path);
  }

  TEST_CASE("a [zoho.call_shares] table in the file replaces every share: one it leaves out has none") {
    std::string path;
    auto o = origins_for(
        "[zoho.call_shares]\npull-products = 0.5\nreplay-dlq = 0.1\n[sync]\nwebhooks_quiet_after = \"3h\"\n", path);
    CHECK(o["zoho.call_shares.pull-products"].shown == "0.5");
    CHECK(o["zoho.call_shares.replay-dlq"].shown == "0.1");
    CHECK(o["zoho.call_shares.pull-stock"].shown == "none");
    CHECK(o["zoho.call_shares.pull-prices"].shown == "none");
    for (const char* key :
         {"zoho.call_shares.pull-products", "zoho.call_shares.pull-stock", "zoho.call_shares.pull-prices",
          "zoho.call_shares.replay-dlq", "sync.webhooks_quiet_after"}) {
      CAPTURE(key);
      CHECK(o[key].origin == "file " + path);
    }
    CHECK(o["sync.webhooks_quiet_after"].shown == "3h");
  }
}
