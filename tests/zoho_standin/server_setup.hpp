#pragma once

#include <httplib.h>

namespace zoho_standin {

// The listening socket, captured when httplib creates it.
struct ListeningSocket {
  int fd = -1;
};

// Worker threads, keep-alive, TCP_NODELAY, body-less POSTs, Zoho-style 404 and 500 bodies, and
// the request log.
void configure_server(httplib::Server& server, bool log_requests, ListeningSocket& listening);

// httplib listens with a backlog of 5, too few for a benchmark opening many connections at
// once; calling listen() again raises it on Linux. Call after binding.
void raise_listen_backlog(const ListeningSocket& listening);

}  // namespace zoho_standin
