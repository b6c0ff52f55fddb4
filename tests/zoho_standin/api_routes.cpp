#include "api_routes.hpp"

#include "api_endpoints.hpp"
#include "pipeline.hpp"
#include "responses.hpp"

#include <string>

namespace zoho_standin {
namespace {

constexpr const char* token_scheme = "Zoho-oauthtoken ";

bool authorized(const ServerState& state, const httplib::Request& req, SteadyTime now) {
  const std::string header = req.get_header_value("Authorization");
  const std::string scheme = token_scheme;
  return header.compare(0, scheme.size(), scheme) == 0 && state.tokens.is_valid(header.substr(scheme.size()), now);
}

// Answers 429 when a limit is reached; otherwise records the request. Caller holds the lock.
bool admit(ServerState& state, SteadyTime now, httplib::Response& res) {
  const UnixSeconds unix_now = state.clock.unix_now();
  const RateVerdict verdict = state.limiter.admit(now, unix_now);
  if (verdict == RateVerdict::allowed) {
    state.stats.count_accepted(now);
    return true;
  }
  state.stats.count_rejected_429();
  set_rate_headers(res, state.limiter.headers(now));
  if (verdict == RateVerdict::per_day_exceeded) {
    replace_header(res, "X-Rate-Limit-Remaining", "0");
    replace_header(res, "Retry-After", std::to_string(RateLimiter::seconds_until_next_day(unix_now)));
    send_zoho_error(res, 429, zoho_code::daily_limit,
                    "You have reached the maximum number of API requests allowed per day.");
  } else {
    replace_header(res, "Retry-After", std::to_string(state.limiter.retry_after_seconds(now)));
    send_zoho_error(res, 429, zoho_code::rate_limited,
                    "You have made too many requests per minute. Please try again after some "
                    "time.");
  }
  return false;
}

void serve_api(ServerState& state, Flavor flavor, const Endpoint& endpoint, const std::vector<std::string>& segments,
               const httplib::Request& req, httplib::Response& res, const ServeMode& mode) {
  const std::lock_guard lock(state.mutex);
  const SteadyTime now = state.clock.now();
  if (!authorized(state, req, now)) {
    state.stats.count_unauthorized();
    set_rate_headers(res, state.limiter.headers(now));
    send_zoho_error(res, 401, zoho_code::not_authorized, "You are not authorized to perform this operation");
    return;
  }
  if (mode.expire_tokens_after_auth) {
    state.tokens.expire_all();
  }
  if (req.get_param_value("organization_id") != state.options.organization_id) {
    set_rate_headers(res, state.limiter.headers(now));
    send_zoho_error(res, 400, zoho_code::invalid_value, "Invalid value passed for organization_id");
    return;
  }
  if (mode.counts_toward_limits && !admit(state, now, res)) {
    return;
  }
  set_rate_headers(res, state.limiter.headers(now));
  try {
    const ApiRequest request{req,
                             segments,
                             flavor,
                             state.catalog,
                             state.options.modified_comparison,
                             flavor == Flavor::books && state.options.books_items == "documented",
                             flavor == Flavor::books && state.options.books_pricebook_list == "documented"};
    const ApiReply reply = endpoint.handler(request);
    send_json(res, reply.status, reply.body);
  } catch (const ApiError& error) {
    send_zoho_error(res, error.http_status, error.code, error.what());
  }
}

void handle_api_request(ServerState& state, Flavor flavor, const httplib::Request& req, httplib::Response& res) {
  const std::string path = req.matches[1];
  const auto segments = split_path(path);
  const Endpoint endpoint = resolve_endpoint(req.method, segments);
  serve_with_faults(state, endpoint.kind, path, false, res, [&](httplib::Response& out, const ServeMode& mode) {
    serve_api(state, flavor, endpoint, segments, req, out, mode);
  });
}

}  // namespace

void register_api_routes(httplib::Server& server, ServerState& state) {
  const std::pair<const char*, Flavor> prefixes[] = {{"/books/v3", Flavor::books},
                                                     {"/inventory/v1", Flavor::inventory}};
  for (const auto& [prefix, flavor] : prefixes) {
    const std::string pattern = std::string(prefix) + "(/.*)";
    const httplib::Server::Handler handler = [&state, flavor = flavor](const httplib::Request& req,
                                                                       httplib::Response& res) {
      handle_api_request(state, flavor, req, res);
    };
    server.Get(pattern, handler);
    server.Post(pattern, handler);
    server.Put(pattern, handler);
    server.Delete(pattern, handler);
  }
}

}  // namespace zoho_standin
