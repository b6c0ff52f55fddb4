#pragma once

#include "state.hpp"

#include <httplib.h>

namespace zoho_standin {

// /_sink/{name}[/...]: records every request (any method) for tests to read back through
// /_admin/sinks/{name}, which also configures the answer and the signature check.
void register_sink_routes(httplib::Server& server, ServerState& state);

}  // namespace zoho_standin
