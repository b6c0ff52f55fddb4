#include "support/standin.hpp"

#include <chrono>
#include <csignal>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "support/built_paths.hpp"

namespace tshsync::test {
namespace {

constexpr const char* kHost = "127.0.0.1";

// Reads the port the stand-in chose; 0 while the file is not there yet (it
// is written under a temporary name and renamed, so never half-written).
int read_port(const std::string& path) {
  std::ifstream in(path);
  int port = 0;
  if (in >> port) return port;
  return 0;
}

nlohmann::json parse_answer(const httplib::Result& result, const std::string& what) {
  if (!result) throw std::runtime_error("stand-in admin " + what + ": " + httplib::to_string(result.error()));
  if (result->status < 200 || result->status >= 300) {
    throw std::runtime_error("stand-in admin " + what + ": HTTP " + std::to_string(result->status) + " " +
                             result->body);
  }
  if (result->body.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(result->body);
}

httplib::Client admin_client(int port) {
  httplib::Client client(kHost, port);
  client.set_connection_timeout(2);
  client.set_read_timeout(30);
  return client;
}

}  // namespace

Standin::Standin(const std::vector<std::string>& args) : args_(args) {
  const std::string port_file = dir_.file("port");
  std::vector<std::string> argv{standin_binary(), "--port", "0", "--port-file", port_file};
  argv.insert(argv.end(), args.begin(), args.end());
  process_ = std::make_unique<BackgroundProcess>(argv, Env{}, "", dir_.file("standin.log"));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!process_->running()) throw std::runtime_error("the Zoho stand-in exited at start:\n" + log());
    if (port_ == 0) port_ = read_port(port_file);
    if (port_ != 0) {
      auto client = admin_client(port_);
      const auto result = client.Get("/_admin/health");
      if (result && result->status == 200) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("the Zoho stand-in did not start serving within 20 s:\n" + log());
}

Standin::~Standin() {
  if (process_) {
    process_->signal(SIGTERM);
    if (process_->wait(5) == -1) process_->signal(SIGKILL);
  }
}

std::string Standin::origin() const { return std::string("http://") + kHost + ":" + std::to_string(port_); }

nlohmann::json Standin::admin_get(const std::string& path) const {
  auto client = admin_client(port_);
  return parse_answer(client.Get(path), "GET " + path);
}

nlohmann::json Standin::admin_post(const std::string& path, const nlohmann::json& body) const {
  auto client = admin_client(port_);
  return parse_answer(client.Post(path, body.dump(), "application/json"), "POST " + path);
}

nlohmann::json Standin::admin_delete(const std::string& path) const {
  auto client = admin_client(port_);
  return parse_answer(client.Delete(path), "DELETE " + path);
}

std::string Standin::flag_value(const std::string& flag, const std::string& fallback) const {
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == flag && i + 1 < args_.size()) return args_[i + 1];
    if (args_[i].rfind(flag + "=", 0) == 0) return args_[i].substr(flag.size() + 1);
  }
  return fallback;
}

core::ZohoConfig Standin::zoho_config() const {
  core::ZohoConfig config;
  config.client_id = flag_value("--client-id", "standin-client-id");
  config.client_secret = flag_value("--client-secret", "standin-client-secret");
  config.refresh_token = flag_value("--refresh-token", "standin-refresh-token");
  config.organization_id = flag_value("--organization-id", "10234695");
  config.accounts_url = origin();
  config.api_url = origin();
  return config;
}

Env Standin::zoho_env() const {
  const core::ZohoConfig config = zoho_config();
  return Env{{"ZOHO_CLIENT_ID", config.client_id},         {"ZOHO_CLIENT_SECRET", config.client_secret},
             {"ZOHO_REFRESH_TOKEN", config.refresh_token}, {"ZOHO_ORGANIZATION_ID", config.organization_id},
             {"ZOHO_ACCOUNTS_URL", config.accounts_url},   {"ZOHO_API_URL", config.api_url}};
}

std::string Standin::log() const {
  try {
    return read_text(dir_.file("standin.log"));
  } catch (const std::exception&) {
    return "(no log)";
  }
}

}  // namespace tshsync::test
