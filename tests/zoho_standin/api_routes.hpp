#pragma once

#include "state.hpp"

#include <httplib.h>

namespace zoho_standin {

// The Zoho API under /books/v3 and /inventory/v1: faults, then the access token, the
// organization, the rate limits, then the endpoint.
void register_api_routes(httplib::Server& server, ServerState& state);

}  // namespace zoho_standin
