#pragma once

#include <map>
#include <optional>
#include <string>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/http/http_client.hpp>

namespace tshsync::webhooks {

// POSTs stored webhook bodies to the ERP's receivers, signed like Zoho would:
// <signature_header>: lower-case hex HMAC-SHA256 of the exact bytes sent.
// "Byte for byte" means the stored JSON's text (payload::text): jsonb keeps
// no whitespace or key order of the original request, so the receiver gets
// an equivalent document with a signature that matches what it receives.
// Delivery is at least once (a crash after the POST and before the queue
// update sends it again), which the receiver's event-id check absorbs.
// TSH's receiver (app/tds/api/webhooks.py) also wants its shared key in
// X-Webhook-Key, and answers 202 with {"success": false, "message": ...} when
// it rejects an event: that is a failed attempt, not a delivery. A duplicate
// answers "success": true and counts as delivered.
class Redeliverer {
 public:
  // `secret` must not be empty (the caller checks first: exit 78).
  // `webhook_key` ([replay].webhook_key): sent as X-Webhook-Key when not empty.
  Redeliverer(std::string secret, std::string signature_header, const core::CancelToken* cancel,
              std::string webhook_key = "");

  // Empty on a 2xx answer, else why not, in one line. After a receiver could
  // not be reached at all, later calls to the same URL in this run fail at once
  // instead of waiting for the same timeout again.
  std::optional<std::string> redeliver(const std::string& url, const std::string& body);

 private:
  std::string secret_;
  std::string signature_header_;
  std::string webhook_key_;
  const core::CancelToken* cancel_;
  http::HttpClient client_;
  std::map<std::string, std::string> unreachable_;  // url -> why
};

}  // namespace tshsync::webhooks
