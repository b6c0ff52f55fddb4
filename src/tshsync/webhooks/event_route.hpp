#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

// How replay-dlq handles one dead letter, decided from its event type and
// the record id its payload names. Pure: no I/O.
namespace tshsync::webhooks {

enum class ReplayAction {
  refetch_item,       // item.*: GET /items/{id}, applied like pull-products
  refresh_stock,      // inventoryadjustment.*: refresh the stock of its items
  refresh_pricebook,  // pricebook.* / pricelist.*: refresh that price list
  redeliver,          // anything else with a [replay.targets] match: POST the stored body
  needs_human,        // nothing safe to do automatically
};

const char* to_string(ReplayAction action);

struct ReplayRoute {
  ReplayAction action = ReplayAction::needs_human;
  std::string record_id;              // item, adjustment or price list id
  std::vector<std::string> item_ids;  // refresh_stock: the items the payload names
  std::string target_url;             // redeliver
  std::string reason;                 // needs_human: why, for last_error
};

// [replay.targets]: event-type glob -> receiver URL, in file order.
using ReplayTargets = std::vector<std::pair<std::string, std::string>>;

// The URL of the first glob (fnmatch: *, ?, [..]) matching the event type.
std::optional<std::string> target_for(const std::string& event_type, const ReplayTargets& targets);

// `payload` is empty when the stored payload is NULL.
// Signature failures are never redelivered, whatever the targets say: signing
// a body whose signature failed would vouch for a possibly forged event.
// Events with a module prefix ("invoice.create") must name their record
// ("invoice_id"), or there is nothing a receiver could act on.
ReplayRoute route_event(const std::string& event_type, const std::optional<nlohmann::json>& payload,
                        const ReplayTargets& targets);

// The same, for an event whose delivery failed for `failure_reason`: a failure
// that names the signature (missing, invalid, unverifiable) waits for a human
// whatever the event type, so a forged call is never re-signed.
ReplayRoute route_event(const std::string& event_type, const std::optional<nlohmann::json>& payload,
                        const ReplayTargets& targets, const std::string& failure_reason);

// Whether a recorded failure is about the call's signature.
bool is_signature_failure(const std::string& failure_reason);

}  // namespace tshsync::webhooks
