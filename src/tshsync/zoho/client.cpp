#include <tshsync/zoho/client.hpp>

#include <chrono>
#include <unordered_set>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/db/connection.hpp>
#include <tshsync/http/http_client.hpp>
#include <tshsync/http/retry.hpp>
#include <tshsync/http/url.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/zoho/access_tokens.hpp>
#include <tshsync/zoho/cache_key.hpp>
#include <tshsync/zoho/endpoints.hpp>
#include <tshsync/zoho/envelope.hpp>
#include <tshsync/zoho/item.hpp>
#include <tshsync/zoho/json_repair.hpp>
#include <tshsync/zoho/organization_refusal.hpp>
#include <tshsync/zoho/rate_account.hpp>
#include <tshsync/zoho/rate_headers.hpp>
#include <tshsync/zoho/token_store.hpp>

namespace tshsync::zoho {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPerPage = 200;  // Zoho's de-facto maximum

http::ClientOptions http_options(const core::ZohoConfig& config, const core::CancelToken* cancel) {
  http::ClientOptions options;
  options.connect_timeout = config.connect_timeout;
  options.total_timeout = config.request_timeout;
  options.cancel = cancel;
  return options;
}

// "/items page 3" for log lines: the page says where a long listing failed.
std::string label_of(const std::string& path, const Query& params) {
  for (const auto& [name, value] : params) {
    if (name == "page") return path + " page " + value;
  }
  return path;
}

double seconds_of(std::chrono::milliseconds duration) { return static_cast<double>(duration.count()) / 1000.0; }

}  // namespace

struct Client::Impl {
  Impl(const core::ZohoConfig& zoho, const std::string& dsn, const core::CancelToken* cancel_flag,
       const ClientTuning& client_tuning)
      : config(registered(zoho)),
        tuning(client_tuning),
        cancel(cancel_flag),
        endpoints(resolve_endpoints(config)),
        conn(db::connect(dsn)),
        http(http_options(config, cancel)),
        store(*conn, token_cache_key(config.client_id, config.refresh_token)),
        tokens(config, endpoints.token_url(), store, http, tuning, cancel),
        rate(*conn, config.organization_id, config.requests_per_minute, config.daily_call_budget) {}

  // Secrets are hidden in every message even when the config did not come
  // from load_config (which registers them too).
  static const core::ZohoConfig& registered(const core::ZohoConfig& zoho) {
    require_zoho_config(zoho);
    util::register_secret(zoho.client_secret);
    util::register_secret(zoho.refresh_token);
    return zoho;
  }

  // `big_array` and `text`: see get_large_if_exists.
  std::optional<nlohmann::json> call(const std::string& path, const Query& params, bool missing_is_empty,
                                     const JsonPath* big_array = nullptr, std::string* text = nullptr);
  // The page walk of for_each_page and for_each_large_page; `text` is the
  // body when `big_array` is given (then `body` lacks its elements).
  using RawPageCallback = std::function<bool(nlohmann::json& body, std::string& text, const nlohmann::json& records,
                                             const PageContext& context)>;
  void list_pages(const std::string& path, const Query& params, const std::string& collection_key,
                  const JsonPath* big_array, const RawPageCallback& on_page);
  void wait_for_slot(const std::string& label);
  void note_rate_headers(const http::Response& response);
  http::RetryTiming timing() const {
    http::RetryTiming t;
    t.cancel = cancel;
    t.sleep = tuning.sleep;
    t.jitter = tuning.jitter;
    return t;
  }

  const core::ZohoConfig config;
  const ClientTuning tuning;
  const core::CancelToken* cancel;
  const Endpoints endpoints;
  std::unique_ptr<pqxx::connection> conn;
  http::HttpClient http;
  TokenStore store;
  AccessTokens tokens;
  RateAccount rate;
  int64_t api_calls = 0;
};

void Client::Impl::wait_for_slot(const std::string& label) {
  const auto wait = rate.take_slot();
  if (wait > std::chrono::milliseconds(0)) {
    if (tuning.on_wait) tuning.on_wait(WaitReason::request_slot, wait);
    http::pause(wait, cancel, "while waiting for a Zoho request slot for " + label, tuning.sleep);
  }
}

// Zoho says the organization's window is spent: push the shared account so
// every process (not only this one) holds off until it resets.
void Client::Impl::note_rate_headers(const http::Response& response) {
  if (const auto wait = spent_window_wait(response, tuning.max_hold_off, std::chrono::system_clock::now())) {
    rate.hold_off(*wait);
  }
}

std::optional<nlohmann::json> Client::Impl::call(const std::string& path, const Query& params, bool missing_is_empty,
                                                 const JsonPath* big_array, std::string* text) {
  Query query{{"organization_id", config.organization_id}};
  query.insert(query.end(), params.begin(), params.end());
  http::Request request;
  request.url = endpoints.api_origin + endpoints.api_prefix + path + "?" + http::build_query(query);
  const std::string label = label_of(path, params);
  const http::RetryPolicy& policy = tuning.api_retry;
  bool token_refreshed = false;
  bool rate_limited = false;
  std::optional<nlohmann::json> result;
  http::run_with_retry(
      policy, timing(), http::RetryLabels{"GET " + label, "GET " + label},
      [&](int) -> std::optional<http::AttemptFailure> {
        const std::string token = tokens.current();
        wait_for_slot(label);
        request.headers = {"Authorization: Zoho-oauthtoken " + token, "Accept: application/json"};
        ++api_calls;
        http::AttemptFailure failure;
        rate_limited = false;
        const auto started = Clock::now();
        try {
          failure.response = http.perform(request);
        } catch (const http::TransportError& e) {
          if (e.kind() == http::TransportError::Kind::cancelled) throw;
          failure.reason = util::redact(e.what());
          failure.verdict = http::classify(e.kind());
          core::log_verbose("zoho: GET {} -> {} ({} ms)", label, http::to_string(e.kind()),
                            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count());
          return failure;
        }
        http::Response& response = *failure.response;
        core::log_verbose("zoho: GET {} -> {} ({} ms)", label, response.status,
                          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count());
        response.body = repair_json_text(std::move(response.body));  // one bad record must not cost the page
        ApiAnswer answer =
            check_api_response(response.status, response.header("content-type"), response.body, big_array);
        // The daily limit's wait runs to midnight: holding everyone off that
        // long would only delay the 75 each run gives anyway.
        if (answer.verdict != ApiVerdict::daily_limit) note_rate_headers(response);
        failure.reason = answer.reason;
        const std::string& reason = failure.reason;
        switch (answer.verdict) {
          case ApiVerdict::ok:
            if (text != nullptr) *text = std::move(response.body);
            result = std::move(answer.body);
            return std::nullopt;
          case ApiVerdict::not_found:
            if (missing_is_empty) return std::nullopt;
            throw core::data_error("Zoho has no " + path + " (" + reason + "); check the id");
          case ApiVerdict::unauthorized:
            if (token_refreshed) {
              throw core::credentials_error("Zoho refused a fresh access token on " + label + " (" + reason +
                                            "): check the client's scopes and ZOHO_ORGANIZATION_ID");
            }
            // Expired or revoked early: one refresh, one more try (not counted as a retry).
            tokens.reject(token);
            token_refreshed = true;
            failure.uncounted = true;
            return failure;
          case ApiVerdict::daily_limit:
            throw core::temp_fail_error("Zoho's daily API limit for the organization is reached: " + reason +
                                        "; the next run after Zoho's daily reset resumes");
          case ApiVerdict::rate_limited:
            rate_limited = true;
            failure.verdict = http::Verdict::retry;
            return failure;
          case ApiVerdict::retry:
            failure.verdict = http::Verdict::retry;
            return failure;
          case ApiVerdict::fail:
            if (refuses_organization(answer))
              throw core::config_error("Zoho does not know organization " + config.organization_id + " (" + reason +
                                       "); set ZOHO_ORGANIZATION_ID ([zoho].organization_id) to the id Zoho shows "
                                       "under Settings > Organization Profile");
            throw core::unavailable_error("Zoho refused GET " + label + ": " + reason);
        }
        return failure;
      },
      [&](const http::RetryWait& wait) {
        if (tuning.on_wait) tuning.on_wait(WaitReason::api_retry, wait.delay);
        if (wait.failure.response) {
          core::log_warn("Zoho answered {} on {}; retrying in {:.1f} s (attempt {} of {})", wait.failure.reason, label,
                         seconds_of(wait.delay), wait.attempt + 1, policy.max_attempts);
        } else {
          core::log_warn("no answer from Zoho on {} ({}); retrying in {:.1f} s (attempt {} of {})", label,
                         wait.failure.reason, seconds_of(wait.delay), wait.attempt + 1, policy.max_attempts);
        }
      },
      [&](int attempt, http::AttemptFailure& failure) {
        if (rate_limited) {
          throw core::temp_fail_error(
              fmt::format("Zoho still rate-limits GET {} after {} attempts; retry later", label, attempt));
        }
        // A transport error's text names the request already.
        throw core::unavailable_error(fmt::format("Zoho unavailable after {} attempt{}: {}{}", attempt,
                                                  attempt == 1 ? "" : "s", failure.reason,
                                                  failure.response ? " on GET " + label : std::string()));
      });
  return result;
}

Client::Client(const core::ZohoConfig& config, const std::string& dsn, const core::CancelToken* cancel)
    : Client(config, dsn, cancel, ClientTuning{}) {}

Client::Client(const core::ZohoConfig& config, const std::string& dsn, const core::CancelToken* cancel,
               const ClientTuning& tuning)
    : impl_(std::make_unique<Impl>(config, dsn, cancel, tuning)) {}

Client::~Client() = default;

nlohmann::json Client::get(const std::string& path, const Query& params) { return *impl_->call(path, params, false); }

std::optional<nlohmann::json> Client::get_if_exists(const std::string& path, const Query& params) {
  return impl_->call(path, params, true);
}

std::optional<Client::LargeAnswer> Client::get_large_if_exists(const std::string& path, const JsonPath& big_array) {
  LargeAnswer answer;
  auto envelope = impl_->call(path, {}, true, &big_array, &answer.text);
  if (!envelope) return std::nullopt;
  answer.envelope = std::move(*envelope);
  return answer;
}

void Client::Impl::list_pages(const std::string& path, const Query& params, const std::string& collection_key,
                              const JsonPath* big_array, const RawPageCallback& on_page) {
  Query base;
  for (const auto& param : params) {
    if (param.first != "page" && param.first != "per_page") base.push_back(param);
  }
  // A server that never ends the listing (has_more_page stays true, a page
  // repeats) must not spend the organization's daily calls: stop with 69.
  const int max_pages = config.max_list_pages;
  std::unordered_set<std::string> seen_pages;
  for (int page = 1;; ++page) {
    if (page > max_pages)
      throw core::unavailable_error(fmt::format("Zoho's {} listing passed {} pages; stopping it", path, max_pages));
    Query query = base;
    query.emplace_back("page", std::to_string(page));
    query.emplace_back("per_page", std::to_string(kPerPage));
    std::string text;
    nlohmann::json body = *call(path, query, false, big_array, big_array != nullptr ? &text : nullptr);
    // Members through find_field, not json::find: GCC 12 at -O2 cannot tell
    // that json's iterators are never null (-Wnull-dereference).
    const nlohmann::json* found = find_field(body, collection_key);
    if (found == nullptr || !found->is_array()) {
      throw core::data_error(fmt::format("Zoho's answer for {} page {} has no \"{}\" list; check the path and key",
                                         path, page, collection_key));
    }
    PageContext context;
    context.page = page;
    const nlohmann::json* page_context = find_field(body, "page_context");
    if (page_context != nullptr && page_context->is_object()) {
      const nlohmann::json* more = find_field(*page_context, "has_more_page");
      context.has_more_page = more != nullptr && more->is_boolean() && more->get<bool>();
    }
    const nlohmann::json records = *found;  // 200 records at most (their big arrays empty): a copy is cheap
    if (context.has_more_page && records.empty())
      throw core::unavailable_error(
          fmt::format("Zoho sent an empty page {} of {} that claims more pages; stopping the listing", page, path));
    if (!records.empty() && !seen_pages.insert(records.dump()).second)
      throw core::unavailable_error(
          fmt::format("Zoho served page {} of {} with the same records as an earlier page (a stale cache or replica); "
                      "stopping the listing",
                      page, path));
    if (!on_page(body, text, records, context) || !context.has_more_page) return;
  }
}

void Client::for_each_page(const std::string& path, const Query& params, const std::string& collection_key,
                           const PageCallback& on_page) {
  impl_->list_pages(path, params, collection_key, nullptr,
                    [&](nlohmann::json& body, std::string&, const nlohmann::json& records, const PageContext& context) {
                      body = nullptr;  // one page in memory at a time
                      return on_page(records, context);
                    });
}

void Client::for_each_large_page(const std::string& path, const std::string& collection_key,
                                 const std::string& record_array, const LargePageCallback& on_page) {
  const JsonPath big_arrays{collection_key, kAnyElement, record_array};
  impl_->list_pages(path, {}, collection_key, &big_arrays,
                    [&](nlohmann::json& body, std::string& text, const nlohmann::json&, const PageContext& context) {
                      LargeAnswer page{std::move(body), std::move(text)};
                      return on_page(page, context);
                    });
}

void Client::count_calls_as(const CallShare& share) { impl_->rate.count_as(share); }

int64_t Client::api_calls() const { return impl_->api_calls; }

int64_t Client::token_requests() const { return impl_->tokens.requests_sent(); }

}  // namespace tshsync::zoho
