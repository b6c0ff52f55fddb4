#pragma once

#include "state.hpp"

#include <httplib.h>

#include <functional>
#include <string_view>

namespace zoho_standin {

// How to answer a request that a fault rule shapes but does not replace.
struct ServeMode {
  bool counts_toward_limits = true;       // false for broken transfers (reset, truncated_json)
  bool expire_tokens_after_auth = false;  // the expire_tokens fault
};

// Answers a request as if no fault fired. It locks state.mutex itself.
using Serve = std::function<void(httplib::Response&, const ServeMode&)>;

// The common path of API and token requests: counts the request, lets the first matching fault
// rule fire, sleeps for slow faults (without the lock), calls `serve`, and breaks the transfer
// afterwards for reset and truncated_json faults.
void serve_with_faults(ServerState& state, EndpointKind kind, std::string_view fault_path, bool token_endpoint,
                       httplib::Response& res, const Serve& serve);

}  // namespace zoho_standin
