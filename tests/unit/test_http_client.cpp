#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <tshsync/core/error.hpp>
#include <tshsync/http/http_client.hpp>
#include <tshsync/http/retrying_client.hpp>

using namespace std::chrono_literals;
using namespace tshsync::http;
using Kind = TransportError::Kind;
using Clock = std::chrono::steady_clock;

TEST_SUITE_BEGIN("http");

namespace {

// A real HTTP server on 127.0.0.1 with an ephemeral port, run in a thread.
// Register routes on `server`, then start().
class LocalServer {
 public:
  LocalServer() = default;
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  ~LocalServer() {
    release_slow = true;  // lets blocked handlers finish so stop() does not wait
    server.stop();
    if (thread_.joinable()) thread_.join();
  }

  void start() {
    port_ = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(1ms);
  }

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // For handlers that should hang until the test is over: a client that
  // gets an answer from one did not time out or cancel (tests check the error).
  void wait_for_release() const {
    const auto give_up = Clock::now() + 30s;
    while (!release_slow && Clock::now() < give_up) std::this_thread::sleep_for(5ms);
  }

  httplib::Server server;
  std::atomic<bool> release_slow{false};

 private:
  int port_ = 0;
  std::thread thread_;
};

// A port on 127.0.0.1 that nobody listens on: bound once, then closed.
int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  close(fd);
  return ntohs(address.sin_port);
}

Request get(const std::string& url) {
  Request request;
  request.url = url;
  return request;
}

// Calls `fn` expecting a TransportError; returns it for inspection.
template <typename Fn>
TransportError expect_transport_error(Fn&& fn) {
  try {
    fn();
  } catch (const TransportError& error) {
    return error;
  }
  FAIL("no TransportError thrown");
  return TransportError(Kind::other, "unreachable");
}

void no_sleep(std::chrono::milliseconds) {}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

TEST_CASE("HttpClient::perform returns status, headers and body") {
  LocalServer local;
  local.server.Get("/hello", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Dup", "first");
    res.set_header("X-Dup", "second");
    res.set_header("X-Rate-Limit-Remaining", "99");
    res.set_content("ua=" + req.get_header_value("User-Agent") + "\ncustom=" + req.get_header_value("X-Custom"),
                    "text/plain");
  });
  local.start();

  HttpClient client;
  Request request = get(local.url("/hello"));
  request.headers = {"X-Custom: yes"};
  const Response response = client.perform(request);

  CHECK(response.status == 200);
  CHECK(response.body == "ua=tshsync/" TSHSYNC_VERSION "\ncustom=yes");
  CHECK(response.header("content-type") == "text/plain");
  CHECK(response.header("x-rate-limit-remaining") == "99");
  CHECK(response.header("x-dup") == "second");  // last value wins
  CHECK(response.header("absent").empty());
  for (const auto& entry : response.headers) {
    CAPTURE(entry.first);
    CHECK(std::none_of(entry.first.begin(), entry.first.end(), [](unsigned char c) { return std::isupper(c); }));
  }
}

TEST_CASE("HttpClient::perform sends bodies with any method") {
  LocalServer local;
  const auto echo = [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.method + " " + req.get_header_value("Content-Type") + " " + req.body, "text/plain");
  };
  local.server.Post("/echo", echo);
  local.server.Put("/echo", echo);
  local.server.Delete("/echo", echo);
  local.start();

  HttpClient client;
  Request request = get(local.url("/echo"));
  request.method = "POST";
  request.headers = {"Content-Type: application/json"};
  request.body = R"({"name":"x"})";
  CHECK(client.perform(request).body == R"(POST application/json {"name":"x"})");

  request.method = "PUT";
  request.body = "[1]";
  CHECK(client.perform(request).body == "PUT application/json [1]");

  request.method = "DELETE";
  request.headers.clear();
  request.body.clear();
  CHECK(client.perform(request).body == "DELETE  ");
}

TEST_CASE("HttpClient::perform reuses the connection and decodes compressed bodies") {
  LocalServer local;
  const std::string big(20000, 'z');
  local.server.Get("/port", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::to_string(req.remote_port), "text/plain");
  });
  local.server.Get("/big",
                   [&big](const httplib::Request&, httplib::Response& res) { res.set_content(big, "text/plain"); });
  local.start();

  HttpClient client;
  const std::string first = client.perform(get(local.url("/port"))).body;
  const std::string second = client.perform(get(local.url("/port"))).body;
  CHECK(first == second);  // same client port: the keep-alive connection was reused

  const Response response = client.perform(get(local.url("/big")));
  CHECK_FALSE(response.header("content-encoding").empty());
  CHECK(response.body == big);
}

TEST_CASE("HttpClient::perform returns redirects without following them") {
  LocalServer local;
  local.server.Get("/moved", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://example.com/elsewhere");
  });
  local.start();

  HttpClient client;
  const Response response = client.perform(get(local.url("/moved")));
  CHECK(response.status == 302);
  CHECK(response.header("location") == "http://example.com/elsewhere");
}

TEST_CASE("HttpClient::perform refuses unsafe URLs and malformed requests before sending") {
  HttpClient client;
  CHECK_THROWS_AS(client.perform(get("http://example.com/")), tshsync::core::Error);
  CHECK_THROWS_AS(client.perform(get("ftp://127.0.0.1/")), tshsync::core::Error);

  Request bad_method = get("http://127.0.0.1:1/");
  bad_method.method = "GET /x HTTP/1.1\r\nX:";
  CHECK_THROWS_AS(client.perform(bad_method), std::invalid_argument);
  Request bad_header = get("http://127.0.0.1:1/");
  bad_header.headers = {"X-A: 1\r\nX-Injected: 2"};
  CHECK_THROWS_AS(client.perform(bad_header), std::invalid_argument);
}

TEST_CASE("HttpClient::perform reports a total timeout") {
  LocalServer local;
  local.server.Get("/slow", [&local](const httplib::Request&, httplib::Response& res) {
    local.wait_for_release();
    res.set_content("late", "text/plain");
  });
  local.start();

  ClientOptions options;
  options.total_timeout = 1s;
  HttpClient client(options);
  const auto start = Clock::now();
  const TransportError error = expect_transport_error([&] { client.perform(get(local.url("/slow"))); });
  const double elapsed = seconds_since(start);
  CHECK(error.kind() == Kind::timeout);
  // Not early; a lower bound only, as load can only add to it.
  CHECK(elapsed >= 0.9);
  CHECK(classify(error.kind()) == Verdict::retry);
}

TEST_CASE("HttpClient::perform reports a body cut short as a reset") {
  LocalServer local;
  local.server.Get("/truncated", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(1000, "application/octet-stream", [](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset > 0) return false;  // drop the connection 100 bytes into a 1000-byte body
      return sink.write(std::string(100, 'x').data(), 100);
    });
  });
  local.start();

  HttpClient client;
  const TransportError error = expect_transport_error([&] { client.perform(get(local.url("/truncated"))); });
  CHECK(error.kind() == Kind::reset);
  CHECK(classify(error.kind()) == Verdict::retry);
}

TEST_CASE("HttpClient::perform reports a refused connection without leaking secrets") {
  HttpClient client;
  Request request = get("http://127.0.0.1:" + std::to_string(closed_port()) + "/items?refresh_token=SECRET1");
  request.headers = {"Authorization: Zoho-oauthtoken SECRET2"};
  const TransportError error = expect_transport_error([&] { client.perform(request); });
  const std::string message = error.what();
  CHECK(error.kind() == Kind::connect);
  CHECK(message.find("refresh_token=***") != std::string::npos);
  CHECK(message.find("SECRET") == std::string::npos);
}

TEST_CASE("HttpClient::perform reports a TLS failure") {
  LocalServer local;  // speaks plain HTTP: the TLS handshake cannot succeed
  local.server.Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_content("x", "text/plain"); });
  local.start();

  ClientOptions options;
  options.total_timeout = 2s;
  HttpClient client(options);
  std::string url = local.url("/");
  url.replace(0, 4, "https");
  const TransportError error = expect_transport_error([&] { client.perform(get(url)); });
  CHECK(error.kind() == Kind::tls);
  CHECK(classify(error.kind()) == Verdict::fail);
}

TEST_CASE("HttpClient::perform aborts promptly when cancelled") {
  LocalServer local;
  local.server.Get("/slow", [&local](const httplib::Request&, httplib::Response& res) {
    local.wait_for_release();
    res.set_content("late", "text/plain");
  });
  local.start();

  tshsync::core::CancelToken cancel;
  ClientOptions options;
  options.cancel = &cancel;
  HttpClient client(options);

  SUBCASE("during the transfer") {
    std::thread raiser([&cancel] {
      std::this_thread::sleep_for(100ms);
      cancel.request();
    });
    // The handler never answers while the test runs: only the flag ends the transfer.
    const TransportError error = expect_transport_error([&] { client.perform(get(local.url("/slow"))); });
    raiser.join();
    CHECK(error.kind() == Kind::cancelled);
  }
  SUBCASE("before the transfer") {
    cancel.request();
    const TransportError error = expect_transport_error([&] { client.perform(get(local.url("/slow"))); });
    CHECK(error.kind() == Kind::cancelled);
  }
}

TEST_CASE("perform_with_retry retries a 503 and returns the 200") {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server.Get("/flaky", [&hits](const httplib::Request&, httplib::Response& res) {
    if (++hits == 1) {
      res.status = 503;
      res.set_header("Retry-After", "1");
      res.set_content("busy", "text/plain");
    } else {
      res.set_content("ok", "text/plain");
    }
  });
  local.start();

  HttpClient client;
  std::vector<RetryEvent> events;
  std::vector<std::chrono::milliseconds> slept;
  const Response response = perform_with_retry(
      client, get(local.url("/flaky")), RetryPolicy{}, [&events](const RetryEvent& event) { events.push_back(event); },
      nullptr, [&slept](std::chrono::milliseconds slice) { slept.push_back(slice); });

  CHECK(response.status == 200);
  CHECK(response.body == "ok");
  CHECK(hits == 2);
  REQUIRE(events.size() == 1);
  CHECK(events[0].attempt == 1);
  CHECK(events[0].status == 503L);
  CHECK_FALSE(events[0].transport.has_value());
  CHECK(events[0].delay >= 1000ms);  // Retry-After: 1, plus up to 1 s of jitter
  CHECK(events[0].delay <= 2000ms);
  std::chrono::milliseconds total{0};
  for (const auto slice : slept) {
    CHECK(slice <= 100ms);  // short slices keep the wait cancellable
    total += slice;
  }
  CHECK(total == events[0].delay);
}

TEST_CASE("perform_with_retry does not retry a 404") {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server.Get("/missing", [&hits](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.status = 404;
    res.set_content(R"({"code":1002})", "application/json");
  });
  local.start();

  HttpClient client;
  int retries = 0;
  const Response response = perform_with_retry(
      client, get(local.url("/missing")), RetryPolicy{}, [&retries](const RetryEvent&) { ++retries; }, nullptr,
      no_sleep);
  CHECK(response.status == 404);
  CHECK(hits == 1);
  CHECK(retries == 0);
}

TEST_CASE("perform_with_retry returns the last retryable response when attempts run out") {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server.Get("/limited", [&hits](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.status = 429;
    res.set_header("X-Rate-Limit-Reset", "30");
  });
  local.start();

  HttpClient client;
  RetryPolicy policy;
  policy.max_attempts = 3;
  std::vector<RetryEvent> events;
  const Response response = perform_with_retry(
      client, get(local.url("/limited")), policy, [&events](const RetryEvent& event) { events.push_back(event); },
      nullptr, no_sleep);
  CHECK(response.status == 429);
  CHECK(classify(response.status) == Verdict::retry);  // callers report "try later"
  CHECK(hits == 3);
  REQUIRE(events.size() == 2);
  CHECK(events[1].attempt == 2);
  CHECK(events[1].delay >= 30s);
  CHECK(events[1].delay <= 31s);
}

TEST_CASE("perform_with_retry retries transport errors, then rethrows") {
  SUBCASE("a reset is retried and the next attempt succeeds") {
    LocalServer local;
    std::atomic<int> hits{0};
    local.server.Get("/once", [&hits](const httplib::Request&, httplib::Response& res) {
      if (++hits == 1) {
        res.set_content_provider(1000, "application/octet-stream",
                                 [](size_t, size_t, httplib::DataSink&) { return false; });
      } else {
        res.set_content("whole", "text/plain");
      }
    });
    local.start();

    HttpClient client;
    std::vector<RetryEvent> events;
    const Response response = perform_with_retry(
        client, get(local.url("/once")), RetryPolicy{}, [&events](const RetryEvent& event) { events.push_back(event); },
        nullptr, no_sleep);
    CHECK(response.body == "whole");
    REQUIRE(events.size() == 1);
    CHECK(events[0].transport == Kind::reset);
    CHECK_FALSE(events[0].status.has_value());
    CHECK(events[0].delay >= 500ms);
    CHECK(events[0].delay <= 708ms);
  }
  SUBCASE("a refused connection exhausts the attempts") {
    HttpClient client;
    RetryPolicy policy;
    policy.max_attempts = 3;
    int retries = 0;
    const auto request = get("http://127.0.0.1:" + std::to_string(closed_port()) + "/");
    const TransportError error = expect_transport_error([&] {
      perform_with_retry(
          client, request, policy, [&retries](const RetryEvent&) { ++retries; }, nullptr, no_sleep);
    });
    CHECK(error.kind() == Kind::connect);
    CHECK(retries == 2);
  }
}

TEST_CASE("perform_with_retry stops waiting when cancelled") {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server.Get("/busy", [&hits](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.status = 503;
    res.set_header("Retry-After", "60");
  });
  local.start();

  HttpClient client;
  tshsync::core::CancelToken cancel;
  int slices = 0;
  const auto sleep = [&](std::chrono::milliseconds) {
    if (++slices == 3) cancel.request();  // a SIGTERM arrives during the wait
  };
  const TransportError error = expect_transport_error(
      [&] { perform_with_retry(client, get(local.url("/busy")), RetryPolicy{}, {}, &cancel, sleep); });
  CHECK(error.kind() == Kind::cancelled);
  CHECK(slices == 3);
  CHECK(hits == 1);
}

TEST_SUITE_END();
