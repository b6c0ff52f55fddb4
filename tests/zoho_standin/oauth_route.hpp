#pragma once

#include "state.hpp"

#include <httplib.h>

namespace zoho_standin {

// POST /oauth/v2/token: the accounts server's refresh-token grant.
void register_oauth_route(httplib::Server& server, ServerState& state);

}  // namespace zoho_standin
