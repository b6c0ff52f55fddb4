#pragma once

#include <string>

#include <tshsync/http/http_client.hpp>

namespace tshsync::alerts {

// Sends alerts and pings: 5 s timeouts and two attempts, so a dead listener
// costs a run seconds, not minutes. A failure is a warning on stderr and
// nothing more; the URLs (which are secrets) never appear in it.
class AlertSender {
 public:
  AlertSender();

  // POST {"text": text} to a Slack-compatible incoming webhook.
  bool post_chat_message(const std::string& webhook_url, const std::string& text);

  // POST <base_url>/<suffix> (healthchecks.io style: "start", "0", "69"),
  // `body` shown in the check's log.
  bool ping(const std::string& base_url, const std::string& suffix, const std::string& body);

 private:
  bool send(const http::Request& request, const std::string& what);

  http::HttpClient client_;
};

// "<base>/<suffix>", with one slash between them.
std::string ping_url(const std::string& base_url, const std::string& suffix);

}  // namespace tshsync::alerts
