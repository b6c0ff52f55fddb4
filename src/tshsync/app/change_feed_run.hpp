#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include <tshsync/app/command_runner.hpp>
#include <tshsync/webhooks/change_events.hpp>
#include <tshsync/zoho/client.hpp>

// What a pull does before it lists (webhooks/change_feed.hpp, zoho/call_shares.hpp).
// A pull command calls begin_pull() right after creating its Zoho client:
//  - every call of the client is counted, and capped, as the command's share
//    of [zoho].daily_call_budget;
//  - an incremental run whose change feed is live is served here, from the
//    feed: the exit code comes back and the command returns it;
//  - otherwise (--full, no feed cursor yet, webhooks quiet, dry run, or more
//    changes than a listing costs) nothing comes back and the command lists,
//    once its estimated calls fit its share (else: deferred, exit 75), and
//    calls finish_listing() when the listing succeeded: the feed starts where
//    the listing began.
namespace tshsync::app {

struct PullPlan {
  PullPlan(std::string command_name, webhooks::ChangeKind change_kind, bool full_listing, bool details = false)
      : command(std::move(command_name)), kind(change_kind), full(full_listing), item_details(details) {}

  std::string command;  // "pull-products", ...
  webhooks::ChangeKind kind;
  bool full;
  bool item_details;                        // the listing also reads every item's details (pull-stock locations)
  std::optional<nlohmann::json> feed_mark;  // set when the listing should move the feed cursor
};

std::optional<core::ExitCode> begin_pull(RunContext& ctx, zoho::Client& client, PullPlan& plan);

void finish_listing(RunContext& ctx, const PullPlan& plan);

// What a listing of this kind is expected to cost (from what the database
// already holds), for the share check and to choose the cheaper path; and
// whether it reads every record (a keyed listing reads only the items whose
// modified time moved, which a stock change need not move).
struct ListingCost {
  int64_t calls = 0;
  bool complete = true;
};
ListingCost estimate_listing(pqxx::connection& conn, const PullPlan& plan, bool batched_details);

}  // namespace tshsync::app
