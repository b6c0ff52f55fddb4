#include "pipeline.hpp"

#include "admin_patches.hpp"
#include "fault_responses.hpp"

#include <chrono>
#include <optional>
#include <thread>

namespace zoho_standin {

namespace {

// The body-editing kinds (body_faults.hpp) and the bodies repeat_previous replays.
void edit_served_body(ServerState& state, const std::optional<FiredFault>& fault, std::string_view path,
                      httplib::Response& res) {
  const std::lock_guard lock(state.mutex);
  std::string served = res.body;
  if (fault && fault->kind == FaultKind::raw_field) {
    res.body = set_raw_field(res.body, fault->edit.item_id, fault->edit.field, fault->edit.raw);
  } else if (fault && fault->kind == FaultKind::rewrite) {
    res.body = replace_all(res.body, fault->edit.find, fault->edit.replace);
  } else if (fault && fault->kind == FaultKind::repeat_previous) {
    if (auto previous = state.faults.previous_body(path)) {
      res.body = *previous;
      served = *previous;
    }
  } else if (fault && fault->kind == FaultKind::patch_item) {
    const UnixSeconds now = state.clock.unix_now();
    bool created = false;
    apply_item_patch(state.catalog.item_for_update(fault->edit.item_id, now, created),
                     parse_item_patch(fault->edit.patch), now);
  }
  if (state.faults.keeps_bodies()) {
    state.faults.remember_body(path, served);
  }
}

}  // namespace

void serve_with_faults(ServerState& state, EndpointKind kind, std::string_view fault_path, bool token_endpoint,
                       httplib::Response& res, const Serve& serve) {
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
      const RateHeaders rate = token_endpoint ? RateHeaders{} : state.limiter.headers(state.clock.now());
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
    mode.counts_toward_limits = fault->kind == FaultKind::slow || fault->kind == FaultKind::expire_tokens;
  }
  serve(res, mode);
  if (fault && (fault->kind == FaultKind::reset || fault->kind == FaultKind::truncated_json)) {
    break_response(*fault, res);
  }
  edit_served_body(state, fault, fault_path, res);
}

}  // namespace zoho_standin
