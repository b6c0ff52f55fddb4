#include <tshsync/webhooks/redelivery.hpp>

#include <nlohmann/json.hpp>

#include <tshsync/http/retrying_client.hpp>
#include <tshsync/http/url.hpp>
#include <tshsync/util/one_line.hpp>
#include <tshsync/webhooks/signature.hpp>

namespace tshsync::webhooks {

namespace {

http::ClientOptions receiver_options(const core::CancelToken* cancel) {
  http::ClientOptions o;
  o.connect_timeout = std::chrono::seconds(5);
  o.total_timeout = std::chrono::seconds(30);  // the receiver may do real work before it answers
  o.cancel = cancel;
  return o;
}

// One quick second try for a blip; the queue's schedule handles longer outages.
http::RetryPolicy receiver_retry() {
  http::RetryPolicy p;
  p.max_attempts = 2;
  p.base = std::chrono::seconds(1);
  p.max_server_delay = std::chrono::seconds(10);
  return p;
}

// The start of an error body, on one line: enough to tell what the receiver said.
std::string snippet(const std::string& body) { return util::one_line(body.substr(0, 160)); }

// A 2xx whose JSON body says "success": false (TSH's receiver rejecting an
// event it validated): its message, kept for the operator.
std::optional<std::string> refusal_in(const std::string& body) {
  const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
  if (!answer.is_object()) return std::nullopt;
  const auto success = answer.find("success");
  if (success == answer.end() || !success->is_boolean() || success->get<bool>()) return std::nullopt;
  const auto message = answer.find("message");
  return snippet(message != answer.end() && message->is_string() ? message->get<std::string>() : body);
}

}  // namespace

Redeliverer::Redeliverer(std::string secret, std::string signature_header, const core::CancelToken* cancel,
                         std::string webhook_key)
    : secret_(std::move(secret)),
      signature_header_(std::move(signature_header)),
      webhook_key_(std::move(webhook_key)),
      cancel_(cancel),
      client_(receiver_options(cancel)) {}

std::optional<std::string> Redeliverer::redeliver(const std::string& url, const std::string& body) {
  const std::string where = http::redact_url_query(url);
  if (const auto it = unreachable_.find(url); it != unreachable_.end())
    return "not sent: " + where + " was unreachable earlier in this run (" + it->second + ")";
  http::Request request;
  request.method = "POST";
  request.url = url;
  request.body = body;
  request.headers = {"Content-Type: application/json", signature_header_ + ": " + sign_hex(secret_, body)};
  if (!webhook_key_.empty()) request.headers.push_back("X-Webhook-Key: " + webhook_key_);
  try {
    const http::Response response = http::perform_with_retry(client_, request, receiver_retry(), {}, cancel_);
    if (response.status >= 200 && response.status < 300) {
      if (const auto refused = refusal_in(response.body)) return where + " refused it: " + *refused;
      return std::nullopt;
    }
    std::string why = where + " answered HTTP " + std::to_string(response.status);
    if (response.status == 401 || response.status == 403)
      why += " (does it use the same webhook secret and [replay] webhook_key?)";
    if (!response.body.empty()) why += ": " + snippet(response.body);
    return why;
  } catch (const http::TransportError& e) {
    if (e.kind() == http::TransportError::Kind::cancelled) throw;
    unreachable_[url] = http::to_string(e.kind());
    return e.what();
  }
}

}  // namespace tshsync::webhooks
