#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <tshsync/core/cancel_token.hpp>

namespace tshsync::http {

class CurlEasy;

struct Request {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;  // "Name: value"; may hold tokens, so never logged
  std::string body;
};

struct Response {
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names; the last value wins
  std::string body;

  // The header's value, or "" when absent. `name` must be lower case.
  std::string header(const std::string& name) const;
};

// A request that got no HTTP response. The message names the method, the URL
// (query values redacted) and libcurl's reason; never the request headers.
class TransportError : public std::runtime_error {
 public:
  enum class Kind {
    timeout,    // connect, total or low-speed timeout
    connect,    // refused, unreachable, DNS failure
    reset,      // connection dropped mid-exchange, truncated body, empty reply
    tls,        // handshake or certificate verification failed
    cancelled,  // the cancel token was raised
    other,
  };

  TransportError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

const char* to_string(TransportError::Kind kind);

// Inside a run a cancelled transfer or wait travels as TransportError(cancelled),
// "cancelled <what>", not as the run-ending core::Error: code that isolates one
// record's failure (core::Error) must not swallow it. Retry loops never retry it;
// the command runner turns it into the token's exit code (128 + signal).
void abort_if_cancelled(const core::CancelToken* cancel, const std::string& what);

struct ClientOptions {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(60)};
  // Abort when fewer than low_speed_bytes per second flow for low_speed_time (0 disables).
  long low_speed_bytes = 1;
  std::chrono::seconds low_speed_time{30};
  std::string user_agent = default_user_agent();
  // When set and raised (e.g. by a SIGTERM handler), transfers abort promptly.
  const core::CancelToken* cancel = nullptr;

  static std::string default_user_agent();  // "tshsync/<version>"
};

// Blocking HTTP(S) client. One instance keeps its connections open between
// requests; it is not thread-safe (use one per thread).
// TLS verification is always on, redirects are never followed (a 3xx comes
// back as the response) and every URL must pass require_safe_url.
class HttpClient {
 public:
  explicit HttpClient(ClientOptions options = {});
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Any HTTP status is a Response; no response at all is a TransportError.
  // An unsafe URL throws core::config_error; a malformed method or header
  // throws std::invalid_argument.
  Response perform(const Request& request);

 private:
  void configure(const Request& request, Response& response);

  ClientOptions options_;
  std::unique_ptr<CurlEasy> easy_;
};

}  // namespace tshsync::http
