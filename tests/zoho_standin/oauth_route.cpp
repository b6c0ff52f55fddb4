#include "oauth_route.hpp"

#include "pipeline.hpp"
#include "responses.hpp"

namespace zoho_standin {
namespace {

constexpr const char* token_path = "/oauth/v2/token";

void serve_token(ServerState& state, const httplib::Request& req, httplib::Response& res, const ServeMode& mode) {
  const std::lock_guard lock(state.mutex);
  if (mode.expire_tokens_after_auth) {
    state.tokens.expire_all();
  }
  // httplib merges the query string and a form-encoded body into params.
  const MintResult result =
      state.tokens.mint(req.get_param_value("grant_type"), req.get_param_value("client_id"),
                        req.get_param_value("client_secret"), req.get_param_value("refresh_token"), state.clock.now());
  switch (result.outcome) {
    case MintOutcome::minted:
      state.stats.count_token_mint();
      send_json(res, 200,
                nlohmann::ordered_json{{"access_token", result.access_token},
                                       {"scope", "ZohoBooks.fullaccess.all ZohoInventory.fullaccess.all"},
                                       {"api_domain", "http://127.0.0.1:" + std::to_string(state.port)},
                                       {"token_type", "Bearer"},
                                       {"expires_in", state.tokens.ttl().count()}});
      return;
    case MintOutcome::throttled:
      state.stats.count_token_refused(true);
      send_json(res, 400,
                nlohmann::ordered_json{{"error_description",
                                        "You have made too many requests "
                                        "continuously. Please try again after "
                                        "some time."},
                                       {"error", "Access Denied"},
                                       {"status", "failure"}});
      return;
    case MintOutcome::unsupported_grant:
      state.stats.count_token_refused(false);
      send_json(res, 400, nlohmann::ordered_json{{"error", "unsupported_grant_type"}});
      return;
    case MintOutcome::invalid_client:
      state.stats.count_token_refused(false);
      send_json(res, 400, nlohmann::ordered_json{{"error", "invalid_client"}});
      return;
    case MintOutcome::invalid_code:
      state.stats.count_token_refused(false);
      send_json(res, 400, nlohmann::ordered_json{{"error", "invalid_code"}});
      return;
  }
}

}  // namespace

void register_oauth_route(httplib::Server& server, ServerState& state) {
  server.Post(token_path, [&state](const httplib::Request& req, httplib::Response& res) {
    serve_with_faults(state, EndpointKind::token, token_path, true, res,
                      [&](httplib::Response& out, const ServeMode& mode) { serve_token(state, req, out, mode); });
  });
}

}  // namespace zoho_standin
