#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <tshsync/core/log.hpp>
#include <tshsync/http/http_client.hpp>
#include <tshsync/zoho/cache_key.hpp>
#include <tshsync/zoho/client.hpp>

#include "support/standin.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
using namespace std::chrono_literals;
namespace core = tshsync::core;
namespace zoho = tshsync::zoho;

namespace {

// Short waits so fault tests finish in seconds; the logic is the production one.
zoho::ClientTuning fast_tuning() {
  zoho::ClientTuning tuning;
  tuning.api_retry.max_attempts = 4;
  tuning.api_retry.base = 10ms;
  tuning.api_retry.max_delay = 200ms;
  tuning.api_retry.max_server_delay = 3s;
  tuning.api_retry.server_jitter = 50ms;
  tuning.token_retry.base = 10ms;
  tuning.token_retry.max_delay = 100ms;
  tuning.refresh_lock_patience = 20s;
  return tuning;
}

// No per-minute pacing unless a test is about it.
const std::vector<std::string> kUnlimited{"--rate-limit", "0"};

core::ZohoConfig fast_config(const Standin& standin) {
  core::ZohoConfig config = standin.zoho_config();
  config.requests_per_minute = 6000;
  config.connect_timeout = 2s;
  config.request_timeout = 10s;
  return config;
}

struct Fixture {
  explicit Fixture(const std::vector<std::string>& standin_args = kUnlimited) : standin(standin_args) {
    migrate(db);
    config = fast_config(standin);
  }

  std::unique_ptr<zoho::Client> client(const zoho::ClientTuning& tuning = fast_tuning()) const {
    return std::make_unique<zoho::Client>(config, db.dsn(), nullptr, tuning);
  }
  nlohmann::json stats() const { return standin.admin_get("/_admin/stats"); }
  void faults(const nlohmann::json& rules) const { standin.admin_post("/_admin/faults", {{"rules", rules}}); }

  TestDatabase db;
  Standin standin;
  core::ZohoConfig config;
};

// The core::Error `work` throws, or nothing.
std::optional<core::Error> error_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const core::Error& e) {
    return e;
  }
  return std::nullopt;
}

int exit_code(const std::optional<core::Error>& error) { return error ? core::to_int(error->code()) : 0; }

std::string message(const std::optional<core::Error>& error) { return error ? error->what() : "(no error)"; }

// A loopback port nothing listens on: bound, then closed again.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  (void)::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  (void)::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

void small_get(zoho::Client& client) { client.get("/items", {{"per_page", "5"}}); }

// Fake time for clients: their sleeps return at once, and every wait they ask
// for is recorded whole, by reason, so a test asserts on the waits themselves
// rather than on how long it ran. Clients on several threads may share one.
class WaitLog {
 public:
  zoho::ClientTuning fake_time(zoho::ClientTuning tuning) {
    tuning.sleep = [](std::chrono::milliseconds) {};
    tuning.on_wait = [this](zoho::WaitReason reason, std::chrono::milliseconds wait) {
      const std::lock_guard<std::mutex> lock(mutex_);
      waits_.emplace_back(reason, wait);
    };
    return tuning;
  }
  // The waits asked for `reason`, in the order asked.
  std::vector<std::chrono::milliseconds> of(zoho::WaitReason reason) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::chrono::milliseconds> found;
    for (const auto& [why, wait] : waits_) {
      if (why == reason) found.push_back(wait);
    }
    return found;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<zoho::WaitReason, std::chrono::milliseconds>> waits_;
};

// Captures what the process writes to stderr (the log) while alive.
class StderrCapture {
 public:
  explicit StderrCapture(const std::string& path) : path_(path) {
    std::fflush(stderr);
    saved_ = ::dup(2);
    std::FILE* file = std::fopen(path.c_str(), "w");
    ::dup2(::fileno(file), 2);
    std::fclose(file);
  }
  ~StderrCapture() { restore(); }
  std::string text() {
    restore();
    return read_text(path_);
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::string path_;
  int saved_ = -1;
};

}  // namespace

TEST_SUITE("zoho client") {
  TEST_CASE("ten clients one after another mint one token, and the cache row hides the refresh token") {
    Fixture f;
    for (int i = 0; i < 10; ++i) {
      auto client = f.client();
      small_get(*client);
      CHECK(client->api_calls() == 1);
    }
    CHECK(f.stats()["token_mints"] == 1);
    CHECK(f.db.count("SELECT count(*) FROM tshsync_oauth_token_requests WHERE outcome = 'minted'") == 1);
    CHECK(f.db.text("SELECT cache_key FROM tshsync_oauth_tokens") ==
          zoho::token_cache_key(f.config.client_id, f.config.refresh_token));
    CHECK(f.db.count("SELECT count(*) FROM tshsync_oauth_tokens WHERE cache_key LIKE '%standin-refresh-token%'") == 0);
    CHECK(f.db.count("SELECT count(*) FROM tshsync_oauth_tokens WHERE expires_at > now() + interval '50 minutes'") ==
          1);
  }

  TEST_CASE("clients starting at the same moment mint one token") {
    Fixture f;
    constexpr int kThreads = 4;
    std::promise<void> go;
    const std::shared_future<void> start = go.get_future().share();
    std::vector<std::future<int64_t>> calls;
    calls.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
      calls.push_back(std::async(std::launch::async, [&f, start] {
        auto client = f.client();
        start.wait();
        small_get(*client);
        return client->token_requests();
      }));
    }
    go.set_value();
    int64_t token_requests = 0;
    for (auto& call : calls) token_requests += call.get();
    CHECK(token_requests == 1);
    CHECK(f.stats()["token_mints"] == 1);
  }

  TEST_CASE("an expired token is refreshed once and the call succeeds") {
    Fixture f;
    auto first = f.client();
    small_get(*first);
    f.standin.admin_post("/_admin/tokens/expire");
    // A new run finds the revoked token in the cache: 401, one refresh, retry.
    auto second = f.client();
    small_get(*second);
    CHECK(second->api_calls() == 2);
    CHECK(f.stats()["token_mints"] == 2);
    // The first run's stale token gets a 401; the cache already holds the new
    // token, which its invalidation leaves alone: no third mint.
    small_get(*first);
    CHECK(first->api_calls() == 3);
    CHECK(f.stats()["token_mints"] == 2);
    CHECK(f.stats()["unauthorized"] == 2);
  }

  TEST_CASE("a second 401 after a refresh is exit 77") {
    Fixture f;
    f.faults({{{"path", "/items"}, {"kind", "status"}, {"status", 401}}});
    auto client = f.client();
    const auto error = error_of([&] { small_get(*client); });
    CHECK_MESSAGE(exit_code(error) == 77, message(error));
    CHECK(client->api_calls() == 2);
    CHECK(f.stats()["token_mints"] == 2);
  }

  TEST_CASE("a wrong client secret is exit 77 and no message holds a secret") {
    Fixture f;
    f.config.client_secret = "wrong-client-secret-4711";
    TempDir dir;
    std::optional<core::Error> error;
    std::string log;
    {
      core::set_verbosity(core::Verbosity::verbose);
      StderrCapture capture(dir.file("stderr"));
      auto client = f.client();
      error = error_of([&] { small_get(*client); });
      log = capture.text();
      core::set_verbosity(core::Verbosity::normal);
    }
    CHECK_MESSAGE(exit_code(error) == 77, message(error));
    CHECK(message(error).find("invalid_client") != std::string::npos);
    CHECK(message(error).find("wrong-client-secret-4711") == std::string::npos);
    CHECK(log.find("wrong-client-secret-4711") == std::string::npos);
    CHECK(log.find("standin-refresh-token") == std::string::npos);
    CHECK(f.stats()["token_refused"] == 1);
  }

  TEST_CASE("errors and logs never show the access token, client secret or refresh token") {
    Fixture f;
    TempDir dir;
    std::vector<std::string> messages;
    std::string log;
    {
      core::set_verbosity(core::Verbosity::verbose);
      StderrCapture capture(dir.file("stderr"));
      auto client = f.client();
      small_get(*client);
      f.faults({{{"path", "/items"}, {"kind", "status"}, {"status", 503}}});
      messages.push_back(message(error_of([&] { small_get(*client); })));
      f.faults({{{"path", "/items"}, {"kind", "status"}, {"status", 401}}});
      messages.push_back(message(error_of([&] { small_get(*client); })));
      f.faults({{{"path", "/items"}, {"kind", "reset"}}});
      messages.push_back(message(error_of([&] { small_get(*client); })));
      log = capture.text();
      core::set_verbosity(core::Verbosity::normal);
    }
    const std::string access_token = f.db.text("SELECT access_token FROM tshsync_oauth_tokens");
    REQUIRE(access_token.size() > 10);
    messages.push_back(log);
    for (const std::string& text : messages) {
      CHECK(text.find(access_token) == std::string::npos);
      CHECK(text.find(f.config.client_secret) == std::string::npos);
      CHECK(text.find(f.config.refresh_token) == std::string::npos);
    }
    CHECK(log.find("retrying in") != std::string::npos);
  }

  TEST_CASE("a server that is down is exit 69, quickly, and uses up no token allowance") {
    TestDatabase db;
    migrate(db);
    core::ZohoConfig config;
    config.client_id = "id";
    config.client_secret = "secret-for-down-server";
    config.refresh_token = "refresh-for-down-server";
    config.organization_id = "1";
    config.accounts_url = config.api_url = "http://127.0.0.1:" + std::to_string(closed_port());
    zoho::Client client(config, db.dsn(), nullptr, fast_tuning());
    const auto error = error_of([&] { small_get(client); });
    CHECK_MESSAGE(exit_code(error) == 69, message(error));
    CHECK(message(error).find("after 3 attempts") != std::string::npos);
    CHECK(db.count("SELECT count(*) FROM tshsync_oauth_token_requests WHERE outcome = 'not_sent'") == 3);
  }

  TEST_CASE("with 8 token requests in the last 10 minutes the next one is refused locally: exit 75") {
    Fixture f;
    const std::string key = zoho::token_cache_key(f.config.client_id, f.config.refresh_token);
    for (int i = 1; i <= 8; ++i) {
      f.db.exec("INSERT INTO tshsync_oauth_token_requests (cache_key, requested_at, outcome) VALUES ('" + key +
                "', now() - interval '" + std::to_string(i) + " minutes', 'minted')");
    }
    auto client = f.client();
    const auto error = error_of([&] { small_get(*client); });
    CHECK_MESSAGE(exit_code(error) == 75, message(error));
    CHECK(message(error).find("Zoho token limit: 8 tokens requested in the last 10 minutes; retry after ") == 0);
    CHECK(f.stats()["by_endpoint"]["token"] == 0);
    CHECK(client->api_calls() == 0);
  }

  TEST_CASE("Zoho's throttle answer blocks token requests for the window: exit 75") {
    Fixture f;
    zoho::ClientTuning tuning = fast_tuning();
    tuning.token_requests_per_window = 100;  // let the stand-in's own limit (10) answer
    for (int i = 0; i < 10; ++i) {
      f.db.exec("DELETE FROM tshsync_oauth_tokens");
      small_get(*f.client(tuning));
    }
    f.db.exec("DELETE FROM tshsync_oauth_tokens");
    const auto error = error_of([&] { small_get(*f.client(tuning)); });
    CHECK_MESSAGE(exit_code(error) == 75, message(error));
    CHECK(f.stats()["token_throttled"] == 1);
    // The block holds for every later run, without asking Zoho again.
    const auto again = error_of([&] { small_get(*f.client(tuning)); });
    CHECK_MESSAGE(exit_code(again) == 75, message(again));
    CHECK(f.stats()["token_throttled"] == 1);
    CHECK(f.stats()["by_endpoint"]["token"] == 11);
  }

  TEST_CASE("transient faults are retried and recovered") {
    Fixture f;
    auto client = f.client();
    small_get(*client);  // the token first, so every fault below hits /items
    const std::vector<nlohmann::json> rules{
        {{"path", "/items"}, {"kind", "status"}, {"status", 503}, {"count", 2}},
        {{"path", "/items"}, {"kind", "status"}, {"status", 500}, {"count", 1}},
        {{"path", "/items"}, {"kind", "reset"}, {"count", 1}},
        {{"path", "/items"}, {"kind", "invalid_json"}, {"count", 1}},
        {{"path", "/items"}, {"kind", "truncated_json"}, {"count", 1}},
        {{"path", "/items"}, {"kind", "html"}, {"count", 2}},
        {{"path", "/items"}, {"kind", "code_nonzero"}, {"count", 1}},
    };
    for (const auto& rule : rules) {
      CAPTURE(rule.dump());
      f.faults(nlohmann::json::array({rule}));
      const int64_t before = client->api_calls();
      const auto error = error_of([&] { small_get(*client); });
      CHECK_MESSAGE(!error, message(error));
      CHECK(client->api_calls() - before == rule["count"].get<int64_t>() + 1);
    }
    CHECK(f.stats()["token_mints"] == 1);
  }

  TEST_CASE("a 429 burst is waited out as Retry-After says") {
    Fixture f;
    WaitLog waits;
    auto client = f.client(waits.fake_time(fast_tuning()));
    small_get(*client);
    f.faults({{{"path", "/items"}, {"kind", "rate_limit"}, {"retry_after", 1}, {"count", 2}}});
    small_get(*client);
    CHECK(client->api_calls() == 4);
    // Two waits of Retry-After: 1 s, each plus at most server_jitter (50 ms); the
    // backoff without the header would be 10 ms, then about 20 ms.
    // A 503 with Retry-After: 1 and no rate headers: the header alone sets the wait.
    f.faults({{{"path", "/items"}, {"kind", "status"}, {"status", 503}, {"retry_after", 1}, {"count", 1}}});
    small_get(*client);
    CHECK(client->api_calls() == 6);
    const auto retries = waits.of(zoho::WaitReason::api_retry);
    REQUIRE(retries.size() == 3);
    for (const auto wait : retries) {
      CHECK(wait >= 1000ms);
      CHECK(wait <= 1050ms);
    }
  }

  TEST_CASE("a slow answer past the request timeout is retried") {
    Fixture f;
    f.config.request_timeout = 1s;
    auto client = f.client();
    small_get(*client);
    f.faults({{{"path", "/items"}, {"kind", "slow"}, {"delay_ms", 1500}, {"count", 1}}});
    small_get(*client);
    CHECK(client->api_calls() == 3);
  }

  TEST_CASE("a permanent 503 ends in 69 after the last attempt") {
    Fixture f;
    auto client = f.client();
    small_get(*client);
    f.faults({{{"path", "/items"}, {"kind", "status"}, {"status", 503}}});
    const auto error = error_of([&] { small_get(*client); });
    CHECK_MESSAGE(exit_code(error) == 69, message(error));
    CHECK(message(error).find("Zoho unavailable after 4 attempts: HTTP 503") == 0);
    CHECK(client->api_calls() == 5);
  }

  TEST_CASE("a raised cancel flag ends a retry wait promptly") {
    Fixture f;
    tshsync::core::CancelToken cancel;
    zoho::ClientTuning tuning = fast_tuning();
    // A wait no test would sit out: only the flag can end it.
    tuning.api_retry.base = std::chrono::hours(1);
    tuning.api_retry.max_delay = std::chrono::hours(1);
    // Fake time: the flag rises in the first slice of the retry wait (a short
    // wait for a request slot before it passes at once).
    bool retrying = false;
    int slices = 0;
    tuning.on_wait = [&](zoho::WaitReason reason, std::chrono::milliseconds) {
      retrying = reason == zoho::WaitReason::api_retry;
    };
    tuning.sleep = [&](std::chrono::milliseconds) {
      if (retrying && ++slices == 1) cancel.request();
    };
    zoho::Client client(f.config, f.db.dsn(), &cancel, tuning);
    small_get(client);
    f.faults({{{"path", "/items"}, {"kind", "status"}, {"status", 503}}});
    bool cancelled = false;
    try {
      small_get(client);
    } catch (const tshsync::http::TransportError& e) {
      cancelled = e.kind() == tshsync::http::TransportError::Kind::cancelled;
    }
    CHECK(cancelled);
    CHECK(client.api_calls() == 2);
    // Promptly: the wait ended at the slice the flag rose in, not 36,000 slices later.
    CHECK(slices == 1);
  }

  TEST_CASE("a permanent 429 ends in 75") {
    Fixture f;
    auto client = f.client();
    small_get(*client);
    f.faults({{{"path", "/items"}, {"kind", "rate_limit"}, {"retry_after", 0}}});
    const auto error = error_of([&] { small_get(*client); });
    CHECK_MESSAGE(exit_code(error) == 75, message(error));
  }

  TEST_CASE("Zoho's daily limit (429 code 45) stops at once: exit 75") {
    Fixture f({"--rate-limit", "0", "--daily-limit", "2"});
    auto client = f.client();
    small_get(*client);
    small_get(*client);
    const auto error = error_of([&] { small_get(*client); });
    CHECK_MESSAGE(exit_code(error) == 75, message(error));
    CHECK(message(error).find("Zoho's daily API limit for the organization is reached: HTTP 429 code 45") == 0);
    // At once: no retry after the 429.
    CHECK(client->api_calls() == 3);
    CHECK(f.stats()["api_requests"] == 3);
  }

  TEST_CASE("a Zoho error other than the retried ones is 69 with Zoho's message") {
    Fixture f;
    auto client = f.client();
    const auto error = error_of([&] { client->get("/items", {{"filter_by", "Status.Nonsense"}}); });
    CHECK_MESSAGE(exit_code(error) == 69, message(error));
    CHECK(message(error).find("code 2 (Invalid value passed for filter_by)") != std::string::npos);
    CHECK(client->api_calls() == 1);
  }

  TEST_CASE("a missing record is empty for get_if_exists and 65 for get") {
    Fixture f;
    auto client = f.client();
    CHECK_FALSE(client->get_if_exists("/items/999999999999").has_value());
    const auto error = error_of([&] { client->get("/items/999999999999"); });
    CHECK_MESSAGE(exit_code(error) == 65, message(error));
    CHECK(message(error).find("/items/999999999999") != std::string::npos);
  }

  TEST_CASE("two clients share one rate account: each request waits for a slot of its own") {
    Fixture f;
    // One a minute: a slot every 60 s, far longer than the test takes to send
    // its requests, so what the clients are told to wait is the pacing alone.
    f.config.requests_per_minute = 1;
    constexpr auto kInterval = std::chrono::milliseconds(60s);
    constexpr int kPerClient = 5;
    small_get(*f.client());  // the token first, so the waits below are the API calls only
    f.standin.admin_post("/_admin/stats/reset");
    WaitLog waits;
    std::vector<std::unique_ptr<zoho::Client>> clients;
    clients.reserve(2);
    for (int i = 0; i < 2; ++i) clients.push_back(f.client(waits.fake_time(fast_tuning())));
    f.db.exec("UPDATE tshsync_rate_account SET tat = clock_timestamp(), calls_today = 0");
    std::promise<void> go;
    const std::shared_future<void> start = go.get_future().share();
    std::vector<std::future<int64_t>> runs;
    runs.reserve(clients.size());
    for (auto& client : clients) {
      runs.push_back(std::async(std::launch::async, [&client, start] {
        start.wait();
        for (int n = 0; n < kPerClient; ++n) small_get(*client);
        return client->api_calls();
      }));
    }
    go.set_value();
    int64_t calls = 0;
    for (auto& run : runs) calls += run.get();
    CHECK(calls == 2 * kPerClient);
    CHECK(f.stats()["accepted_requests"] == 2 * kPerClient);
    // One account row counted both.
    CHECK(f.db.count("SELECT count(*) FROM tshsync_rate_account") == 1);
    CHECK(f.db.count("SELECT calls_today FROM tshsync_rate_account") == 2 * kPerClient);
    // The first request goes at once; the k-th after it waits k intervals, less
    // the real time the test has run (a few seconds at most, never half an
    // interval). Alone, each client would have waited 1..4 intervals, twice over.
    auto slots = waits.of(zoho::WaitReason::request_slot);
    std::sort(slots.begin(), slots.end());
    REQUIRE(slots.size() == 2 * kPerClient - 1);
    for (std::size_t k = 1; k <= slots.size(); ++k) {
      CAPTURE(k);
      const auto wait = slots[k - 1];
      CHECK(wait <= static_cast<long>(k) * kInterval + 1ms);  // + rounding up to whole milliseconds
      CHECK(wait > static_cast<long>(k) * kInterval - kInterval / 2);
    }
    CHECK(waits.of(zoho::WaitReason::api_retry).empty());
  }

  TEST_CASE("a spent window (X-Rate-Limit-Remaining: 0) holds off every client") {
    Fixture f({"--rate-limit", "3"});
    f.config.requests_per_minute = 600;
    auto client = f.client();
    for (int i = 0; i < 3; ++i) small_get(*client);
    // The third answer said 0 remaining: the shared account now waits for the reset.
    CHECK(f.db.count(
              "SELECT count(*) FROM tshsync_rate_account WHERE tat > clock_timestamp() + interval '30 seconds'") == 1);
    CHECK(f.stats()["rejected_429"] == 0);
  }

  TEST_CASE("the daily budget is spent before the request goes: BudgetExhausted") {
    Fixture f;
    f.config.daily_call_budget = 5;
    auto client = f.client();
    for (int i = 0; i < 5; ++i) small_get(*client);
    bool exhausted = false;
    try {
      small_get(*client);
    } catch (const zoho::BudgetExhausted& e) {
      exhausted = true;
      CHECK(core::to_int(e.code()) == 75);
    }
    CHECK(exhausted);
    CHECK(client->api_calls() == 5);
    CHECK(f.stats()["api_requests"] == 5);
    // Another run the same day finds it spent too.
    const auto error = error_of([&] { small_get(*f.client()); });
    CHECK(exit_code(error) == 75);
    CHECK(f.stats()["api_requests"] == 5);
  }

  TEST_CASE("for_each_page walks the audit catalog page by page and stops when asked") {
    Fixture f({"--catalog", "audit", "--rate-limit", "0"});
    auto client = f.client();
    int pages = 0;
    std::size_t items = 0;
    bool last_said_no_more = false;
    client->for_each_page("/items", {{"filter_by", "Status.All"}}, "items",
                          [&](const nlohmann::json& records, const zoho::PageContext& context) {
                            ++pages;
                            CHECK(context.page == pages);
                            items += records.size();
                            last_said_no_more = !context.has_more_page;
                            return true;
                          });
    CHECK(items == f.standin.admin_get("/_admin/health")["items"].get<std::size_t>());
    CHECK(items == 1356);
    CHECK(pages == 7);
    CHECK(last_said_no_more);
    CHECK(client->api_calls() == 7);

    std::size_t active = 0;
    client->for_each_page("/items", {{"filter_by", "Status.Active"}}, "items",
                          [&](const nlohmann::json& records, const zoho::PageContext&) {
                            active += records.size();
                            return true;
                          });
    CHECK(active == 1319);

    int early_pages = 0;
    const int64_t before = client->api_calls();
    client->for_each_page("/items", {}, "items",
                          [&](const nlohmann::json&, const zoho::PageContext&) { return ++early_pages < 2; });
    CHECK(early_pages == 2);
    CHECK(client->api_calls() - before == 2);
  }

  TEST_CASE("for_each_large_page: Books' list rows come without their items, each book's read from the text") {
    // The audit catalog's books: Consumer, Wholesale, Retailer USD (per_item), Old Promo, Supplier Costs.
    for (const std::string rows : {"documented", "summary"}) {
      CAPTURE(rows);
      Fixture f({"--catalog", "audit", "--rate-limit", "0", "--books-pricebook-list", rows});
      const nlohmann::json exported = f.standin.admin_get("/_admin/export?part=pricebooks")["pricebooks"];
      for (const std::string product : {"books", "inventory"}) {
        CAPTURE(product);
        f.config.product = product;
        auto client = f.client();
        int pages = 0;
        std::size_t books = 0;
        client->for_each_large_page(
            "/pricebooks", "pricebooks", "pricebook_items",
            [&](zoho::Client::LargeAnswer& page, const zoho::PageContext&) {
              ++pages;
              const nlohmann::json& listed = page.envelope["pricebooks"];
              for (std::size_t i = 0; i < listed.size(); ++i, ++books) {
                const bool carried = product == "books" && rows == "documented";
                CHECK(listed[i].contains("pricebook_items") == carried);
                if (listed[i].contains("pricebook_items")) CHECK(listed[i]["pricebook_items"].empty());
                std::size_t items = 0;
                zoho::JsonElements(page.text, page.envelope, {"pricebooks", zoho::element_step(i), "pricebook_items"})
                    .for_each([&](const nlohmann::json& item) {
                      CHECK(item["item_id"] == exported[books]["pricebook_items"][items]["item_id"]);
                      ++items;
                    });
                CHECK(items == (carried ? exported[books]["pricebook_items"].size() : 0));
              }
              return true;
            });
        CHECK(pages == 1);
        CHECK(books == exported.size());
      }
    }
  }

  TEST_CASE("a page without its collection is exit 65") {
    Fixture f;
    auto client = f.client();
    const auto error = error_of([&] {
      client->for_each_page("/items", {}, "pricebooks",
                            [](const nlohmann::json&, const zoho::PageContext&) { return true; });
    });
    CHECK_MESSAGE(exit_code(error) == 65, message(error));
  }

  TEST_CASE("missing settings are exit 78 naming the variable and the key") {
    TestDatabase db;
    core::ZohoConfig config;
    config.client_id = "id";
    const auto error = error_of([&] { zoho::Client client(config, db.dsn()); });
    CHECK_MESSAGE(exit_code(error) == 78, message(error));
    CHECK(message(error).find("ZOHO_CLIENT_SECRET ([zoho] client_secret)") != std::string::npos);
    CHECK(message(error).find("ZOHO_ORGANIZATION_ID") != std::string::npos);
    CHECK(message(error).find("ZOHO_CLIENT_ID") == std::string::npos);
  }
}
