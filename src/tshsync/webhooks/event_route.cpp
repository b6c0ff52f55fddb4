#include <tshsync/webhooks/event_route.hpp>

#include <fnmatch.h>
#include <algorithm>
#include <cctype>

#include <tshsync/checks/priority.hpp>
#include <tshsync/webhooks/payload_ids.hpp>

namespace tshsync::webhooks {

namespace {

// "Item.Update" -> "item"; "" when the type has no module prefix ("test").
std::string module_of(const std::string& event_type) {
  const size_t dot = event_type.find('.');
  if (dot == std::string::npos || dot == 0) return {};
  std::string module = event_type.substr(0, dot);
  std::transform(module.begin(), module.end(), module.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return module;
}

// Where a module's record and its id sit: {"invoice": {"invoice_id": ..}},
// but payments are {"payment": {"payment_id": ..}}.
std::pair<std::string, std::string> record_key_of(const std::string& module) {
  if (module == "customerpayment" || module == "vendorpayment") return {"payment", "payment_id"};
  return {module, module + "_id"};
}

ReplayRoute needs_human(std::string reason) {
  ReplayRoute route;
  route.reason = std::move(reason);
  return route;
}

ReplayRoute with_record(ReplayAction action, std::string id) {
  ReplayRoute route;
  route.action = action;
  route.record_id = std::move(id);
  return route;
}

ReplayRoute zoho_route(const std::string& module, const nlohmann::json& payload) {
  if (module == "item") {
    if (auto id = find_record_id(payload, "item", "item_id")) return with_record(ReplayAction::refetch_item, *id);
    return needs_human("no item_id in the payload: nothing to fetch from Zoho");
  }
  if (module == "inventoryadjustment") {
    ReplayRoute route;
    route.action = ReplayAction::refresh_stock;
    route.item_ids = find_line_item_ids(payload, "inventory_adjustment");
    if (auto id = find_record_id(payload, "inventory_adjustment", "inventory_adjustment_id")) route.record_id = *id;
    if (route.item_ids.empty() && route.record_id.empty())
      return needs_human("no inventory_adjustment_id or line item in the payload: nothing to fetch from Zoho");
    return route;
  }
  if (auto id = find_record_id(payload, "pricebook", "pricebook_id"))
    return with_record(ReplayAction::refresh_pricebook, *id);
  return needs_human("no pricebook_id in the payload: nothing to fetch from Zoho");
}

}  // namespace

const char* to_string(ReplayAction action) {
  switch (action) {
    case ReplayAction::refetch_item:
      return "refetch_item";
    case ReplayAction::refresh_stock:
      return "refresh_stock";
    case ReplayAction::refresh_pricebook:
      return "refresh_pricebook";
    case ReplayAction::redeliver:
      return "redeliver";
    case ReplayAction::needs_human:
      return "needs_human";
  }
  return "needs_human";
}

std::optional<std::string> target_for(const std::string& event_type, const ReplayTargets& targets) {
  for (const auto& [glob, url] : targets)
    if (fnmatch(glob.c_str(), event_type.c_str(), 0) == 0) return url;
  return std::nullopt;
}

bool is_signature_failure(const std::string& failure_reason) {
  std::string text = failure_reason;
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text.find("signature") != std::string::npos || text.find("hmac") != std::string::npos;
}

ReplayRoute route_event(const std::string& event_type, const std::optional<nlohmann::json>& payload,
                        const ReplayTargets& targets, const std::string& failure_reason) {
  if (is_signature_failure(failure_reason)) return route_event("signature_invalid", payload, targets);
  return route_event(event_type, payload, targets);
}

ReplayRoute route_event(const std::string& event_type, const std::optional<nlohmann::json>& payload,
                        const ReplayTargets& targets) {
  if (checks::is_signature_pseudo_type(event_type))
    return needs_human(
        "the receiver rejected this call's signature (possibly forged): it is never re-signed; "
        "check it with verify-signature, then resolve it by hand");
  if (!payload || payload->is_null()) return needs_human("the payload is empty: nothing to replay");
  const std::string module = module_of(event_type);
  if (module == "item" || module == "inventoryadjustment" || module == "pricebook" || module == "pricelist")
    return zoho_route(module, *payload);

  const auto target = target_for(event_type, targets);
  if (!target) return needs_human("no [replay.targets] entry matches event type '" + event_type + "'");
  ReplayRoute route;
  route.action = ReplayAction::redeliver;
  route.target_url = *target;
  if (!module.empty()) {
    const auto [entity, key] = record_key_of(module);
    auto id = find_record_id(*payload, entity, key);
    if (!id) return needs_human("no " + key + " in the payload: a receiver could not tell which record it is about");
    route.record_id = *id;
  }
  return route;
}

}  // namespace tshsync::webhooks
