#include "pipeline.hpp"

#include "fault_responses.hpp"

#include <chrono>
#include <optional>
#include <thread>

namespace zoho_standin {

void serve_with_faults(ServerState& state, EndpointKind kind, std::string_view fault_path,
                       bool token_endpoint, httplib::Response& res, const Serve& serve) {
  std::optional<FiredFault> fault;
  {
    const std::lock_guard lock(state.mutex);
    state.stats.count_request(kind);
    fault = state.faults.decide(fault_path, token_endpoint);
    if (fault) {
      state.stats.count_fault();
    }
    if (fault && replaces_response(fault->kind)) {
      // Faulted requests do not count toward the rate limit; they show its current state.
      const RateHeaders rate =
          token_endpoint ? RateHeaders{} : state.limiter.headers(state.clock.now());
      write_fault_response(*fault, res, rate);
      return;
    }
  }
  ServeMode mode;
  if (fault) {
    if (fault->kind == FaultKind::slow) {
      std::this_thread::sleep_for(std::chrono::milliseconds(fault->delay_ms));
    }
    mode.expire_tokens_after_auth = fault->kind == FaultKind::expire_tokens;
    mode.counts_toward_limits =
        fault->kind == FaultKind::slow || fault->kind == FaultKind::expire_tokens;
  }
  serve(res, mode);
  if (fault && (fault->kind == FaultKind::reset || fault->kind == FaultKind::truncated_json)) {
    break_response(fault->kind, res);
  }
}

} // namespace zoho_standin
