#include <tshsync/zoho/access_tokens.hpp>

#include <ctime>
#include <optional>

#include <fmt/format.h>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/http/retry.hpp>
#include <tshsync/http/url.hpp>
#include <tshsync/util/epoch.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/zoho/cache_key.hpp>
#include <tshsync/zoho/refresh_lock.hpp>
#include <tshsync/zoho/token_response.hpp>

namespace tshsync::zoho {
namespace {

using Clock = std::chrono::steady_clock;

// "14:07" local time, rounded up so retrying at that minute is never too early.
std::string clock_text(SystemTime when) {
  const int64_t seconds = util::epoch_seconds(when);
  const time_t rounded = static_cast<time_t>((seconds + 59) / 60 * 60);
  std::tm local{};
  localtime_r(&rounded, &local);
  return fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min);
}

std::string outcome_of(TokenVerdict verdict) {
  switch (verdict) {
    case TokenVerdict::minted:
      return "minted";
    case TokenVerdict::throttled:
      return "throttled";
    case TokenVerdict::refused:
      return "refused";
    case TokenVerdict::retry:
    case TokenVerdict::fail:
      return "failed";
  }
  return "failed";
}

}  // namespace

AccessTokens::AccessTokens(const core::ZohoConfig& config, std::string token_url, TokenStore& store,
                           http::HttpClient& http, const ClientTuning& tuning, const core::CancelToken* cancel)
    : config_(config), token_url_(std::move(token_url)), store_(store), http_(http), tuning_(tuning), cancel_(cancel) {}

std::string AccessTokens::current() {
  if (!token_.empty() && Clock::now() < good_until_) return token_;
  token_.clear();
  if (auto cached = store_.fresh(tuning_.token_refresh_margin)) {
    adopt(*cached);
    return token_;
  }
  const RefreshLock lock(store_.conn(), token_lock_key(store_.cache_key()), cancel_, tuning_.refresh_lock_patience);
  // Another process may have refreshed while this one waited for the lock.
  if (auto cached = store_.fresh(tuning_.token_refresh_margin)) {
    adopt(*cached);
    return token_;
  }
  mint();
  return token_;
}

void AccessTokens::reject(const std::string& used) {
  if (used == token_) token_.clear();
  store_.invalidate(used);
}

void AccessTokens::adopt(const CachedToken& token) {
  util::register_secret(token.access_token);
  token_ = token.access_token;
  good_until_ = Clock::now() + token.remaining - tuning_.token_refresh_margin;
}

http::Request AccessTokens::token_request() const {
  http::Request request;
  request.method = "POST";
  request.url = token_url_;
  request.headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
  request.body = http::build_query({{"grant_type", "refresh_token"},
                                    {"client_id", config_.client_id},
                                    {"client_secret", config_.client_secret},
                                    {"refresh_token", config_.refresh_token}});
  return request;
}

// Runs under the refresh lock. Every attempt is logged (and committed) before
// it is sent, so crashed runs count too.
void AccessTokens::mint() {
  const http::Request request = token_request();
  const http::RetryPolicy& policy = tuning_.token_retry;
  http::RetryTiming timing;
  timing.cancel = cancel_;
  timing.sleep = tuning_.sleep;
  timing.jitter = tuning_.jitter;
  http::run_with_retry(
      policy, timing, http::RetryLabels{"requesting a Zoho access token", "the Zoho token request"},
      [&](int) -> std::optional<http::AttemptFailure> {
        const TokenRequestWindow window = store_.request_window(tuning_.token_requests_per_window);
        if (window.blocked_until) {
          throw core::temp_fail_error(
              "Zoho is refusing token requests for this refresh token (too many in 10 minutes); "
              "retry after " +
              clock_text(*window.blocked_until));
        }
        if (window.sent >= tuning_.token_requests_per_window) {
          throw core::temp_fail_error(
              fmt::format("Zoho token limit: {} tokens requested in the last 10 minutes; retry after {}", window.sent,
                          clock_text(window.next_free)));
        }
        const long long request_id = store_.record_request();
        ++requests_sent_;
        http::AttemptFailure failure;
        failure.verdict = http::Verdict::fail;
        const auto started = Clock::now();
        try {
          failure.response = http_.perform(request);
        } catch (const http::TransportError& e) {
          // A refused connection never reached Zoho, so it does not count.
          store_.record_outcome(request_id, e.kind() == http::TransportError::Kind::connect ? "not_sent" : "failed");
          if (e.kind() == http::TransportError::Kind::cancelled) throw;
          failure.reason = util::redact(e.what());
          failure.verdict = http::classify(e.kind());
          return failure;
        }
        const http::Response& response = *failure.response;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
        core::log_verbose("zoho: POST /oauth/v2/token -> {} ({} ms)", response.status, ms);
        const TokenAnswer answer = check_token_response(response.status, response.body);
        store_.record_outcome(request_id, outcome_of(answer.verdict));
        switch (answer.verdict) {
          case TokenVerdict::minted:
            store_.save(answer.access_token, answer.api_domain, answer.expires_in);
            adopt(CachedToken{answer.access_token, answer.api_domain, answer.expires_in});
            return std::nullopt;
          case TokenVerdict::throttled:
            throw core::temp_fail_error(
                "Zoho is refusing token requests for this refresh token (too many in 10 "
                "minutes); retry after " +
                clock_text(store_.block_for_window()));
          case TokenVerdict::refused:
            throw core::credentials_error("Zoho refused the credentials (" + answer.error +
                                          "): check ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN "
                                          "([zoho] client_id, client_secret, refresh_token) and ZOHO_DC");
          case TokenVerdict::retry:
            failure.verdict = http::Verdict::retry;
            break;
          case TokenVerdict::fail:
            failure.verdict = http::Verdict::fail;
            break;
        }
        failure.reason = util::redact(answer.reason + " from the token endpoint");
        return failure;
      },
      [&](const http::RetryWait& wait) {
        if (tuning_.on_wait) tuning_.on_wait(WaitReason::token_retry, wait.delay);
        core::log_warn("Zoho token request failed ({}); retrying in {:.1f} s (attempt {} of {})", wait.failure.reason,
                       static_cast<double>(wait.delay.count()) / 1000.0, wait.attempt + 1, policy.max_attempts);
      },
      [&](int attempt, http::AttemptFailure& failure) {
        throw core::unavailable_error(
            fmt::format("Zoho unavailable after {} attempt{}: {}", attempt, attempt == 1 ? "" : "s", failure.reason));
      });
}

}  // namespace tshsync::zoho
