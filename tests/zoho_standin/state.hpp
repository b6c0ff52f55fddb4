#pragma once

#include "auth.hpp"
#include "catalog.hpp"
#include "clock.hpp"
#include "faults.hpp"
#include "options.hpp"
#include "rate_limit.hpp"
#include "sink.hpp"
#include "stats.hpp"

#include <mutex>

namespace zoho_standin {

// Everything the handlers share. httplib runs handlers on a thread pool: hold `mutex` while
// touching any member (never while sleeping).
struct ServerState {
  ServerState(const Options& server_options, Catalog initial_catalog)
      : options(server_options),
        catalog(std::move(initial_catalog)),
        tokens({options.client_id, options.client_secret, options.refresh_token},
               std::chrono::seconds(options.token_ttl)),
        limiter(options.rate_limit, options.daily_limit),
        faults(options.seed) {}

  std::mutex mutex;
  const Options options;
  int port = 0;  // set once bound, before serving
  Clock clock;
  Catalog catalog;
  TokenStore tokens;
  RateLimiter limiter;
  FaultInjector faults;
  Stats stats;
  SinkRegistry sinks;
};

}  // namespace zoho_standin
