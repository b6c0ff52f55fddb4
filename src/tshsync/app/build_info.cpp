#include <tshsync/app/build_info.hpp>

#include <curl/curl.h>
#include <fmt/format.h>
#include <openssl/crypto.h>
#include <pg_config.h>
#include <toml++/impl/version.h>
#include <CLI/Version.hpp>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <pqxx/version.hxx>

#include <tshsync/db/migrations.hpp>

#ifndef TSHSYNC_GIT_REVISION
#define TSHSYNC_GIT_REVISION "unknown"
#endif

namespace tshsync::app {

BuildInfo build_info() { return {TSHSYNC_VERSION, TSHSYNC_GIT_REVISION, db::latest_schema_version()}; }

std::string version_text() {
  const BuildInfo info = build_info();
  std::string text =
      fmt::format("tshsync {} (revision {}, schema version {})\n", info.version, info.revision, info.schema_version);
  text += fmt::format("libpqxx {}, libpq {} (headers), libcurl {}, {}\n", PQXX_VERSION, PG_VERSION,
                      curl_version_info(CURLVERSION_NOW)->version, OpenSSL_version(OPENSSL_VERSION));
  text +=
      fmt::format("fmt {}.{}.{}, nlohmann/json {}.{}.{}, toml++ {}.{}.{}, CLI11 {}", FMT_VERSION / 10000,
                  FMT_VERSION / 100 % 100, FMT_VERSION % 100, NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                  NLOHMANN_JSON_VERSION_PATCH, TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH, CLI11_VERSION);
  return text;
}

}  // namespace tshsync::app
