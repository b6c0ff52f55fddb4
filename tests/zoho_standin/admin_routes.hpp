#pragma once

#include "state.hpp"

#include <httplib.h>

namespace zoho_standin {

// /_admin/*: stats, faults, data changes, export, tokens, limits and clock. No auth: the server
// only listens on 127.0.0.1 and exists for tests.
void register_admin_routes(httplib::Server& server, ServerState& state);

}  // namespace zoho_standin
