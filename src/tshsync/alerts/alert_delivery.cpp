#include <tshsync/alerts/alert_delivery.hpp>

#include <nlohmann/json.hpp>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/http/retrying_client.hpp>

namespace tshsync::alerts {

namespace {

http::ClientOptions alert_client_options() {
  http::ClientOptions o;
  o.connect_timeout = std::chrono::seconds(5);
  o.total_timeout = std::chrono::seconds(5);
  // No cancel flag: the alert about an interrupted run must still go out.
  return o;
}

http::RetryPolicy alert_retry() {
  http::RetryPolicy p;
  p.max_attempts = 2;
  p.base = std::chrono::milliseconds(500);
  p.max_server_delay = std::chrono::seconds(2);
  return p;
}

}  // namespace

std::string ping_url(const std::string& base_url, const std::string& suffix) {
  std::string url = base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + "/" + suffix;
}

AlertSender::AlertSender() : client_(alert_client_options()) {}

bool AlertSender::post_chat_message(const std::string& webhook_url, const std::string& text) {
  http::Request request;
  request.method = "POST";
  request.url = webhook_url;
  request.headers = {"Content-Type: application/json"};
  request.body = nlohmann::json{{"text", text}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return send(request, "the chat alert ([alerts].slack_webhook_url)");
}

bool AlertSender::ping(const std::string& base_url, const std::string& suffix, const std::string& body) {
  http::Request request;
  request.method = "POST";
  request.url = ping_url(base_url, suffix);
  request.headers = {"Content-Type: text/plain; charset=utf-8"};
  request.body = body;
  return send(request, "the healthchecks ping /" + suffix.substr(0, suffix.find('?')) + " ([alerts].healthchecks_url)");
}

bool AlertSender::send(const http::Request& request, const std::string& what) {
  try {
    const http::Response response = http::perform_with_retry(client_, request, alert_retry());
    if (response.status >= 200 && response.status < 300) return true;
    core::log_warn("could not deliver {}: HTTP {}", what, response.status);
  } catch (const http::TransportError& e) {
    core::log_warn("could not deliver {}: {}", what, http::to_string(e.kind()));
  } catch (const core::Error& e) {
    core::log_warn("could not deliver {}: the URL is refused ({})", what, e.what());
  } catch (const std::exception& e) {
    core::log_warn("could not deliver {}: {}", what, e.what());
  }
  return false;
}

}  // namespace tshsync::alerts
