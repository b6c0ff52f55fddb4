#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tshsync/core/config.hpp>

#include "support/process.hpp"
#include "support/tshsync_cli.hpp"

namespace tshsync::test {

// The Zoho stand-in (tests/zoho_standin, standin_binary()) running
// on a free loopback port for one test; killed at destruction.
//
//   Standin s({"--catalog", "audit", "--rate-limit", "120"});
//   auto r = run_tshsync(db, {"pull-products"}, s.zoho_env());
//   CHECK(s.admin_get("/_admin/stats")["token_mints"] == 1);
class Standin {
 public:
  explicit Standin(const std::vector<std::string>& args = {});
  ~Standin();
  Standin(const Standin&) = delete;
  Standin& operator=(const Standin&) = delete;

  int port() const { return port_; }
  std::string origin() const;  // "http://127.0.0.1:PORT"

  // Admin endpoints (README.md there); the parsed JSON answer. Throws
  // std::runtime_error on a status other than 2xx.
  nlohmann::json admin_get(const std::string& path) const;
  nlohmann::json admin_post(const std::string& path, const nlohmann::json& body = nlohmann::json::object()) const;
  nlohmann::json admin_delete(const std::string& path) const;

  // ZOHO_* for the tshsync binary: the stand-in's credentials (defaults, or
  // the --client-id/--client-secret/--refresh-token/--organization-id given)
  // and both URLs pointing here.
  Env zoho_env() const;
  // The same as a [zoho] section, for tests that build a zoho::Client.
  core::ZohoConfig zoho_config() const;

  // The stand-in's log (stderr), for failure messages.
  std::string log() const;

 private:
  std::string flag_value(const std::string& flag, const std::string& fallback) const;

  std::vector<std::string> args_;
  TempDir dir_;
  std::unique_ptr<BackgroundProcess> process_;
  int port_ = 0;
};

}  // namespace tshsync::test
