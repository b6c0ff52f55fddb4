#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/core/config.hpp>
#include <tshsync/webhooks/event_route.hpp>

namespace tshsync::zoho {
class Client;
}

namespace tshsync::webhooks {

// One replay attempt that failed for this record only (Zoho sent a record
// that cannot be applied); the entry is rescheduled.
class AttemptFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Nothing Zoho can tell us settles the entry (an adjustment Zoho no longer
// has, whose payload names no items): it waits for a person.
class NeedsHuman : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Replays Zoho-side events (items, stock, price lists) by asking Zoho for the
// record's current state and applying it through the code the pulls run: the
// stored payload only says which record. The Zoho client is created on first
// use, so a queue holding only redeliveries needs no Zoho credentials.
class ZohoRefresher {
 public:
  ZohoRefresher(const core::Config& config, pqxx::connection& conn, const core::CancelToken* cancel);
  ~ZohoRefresher();
  ZohoRefresher(const ZohoRefresher&) = delete;
  ZohoRefresher& operator=(const ZohoRefresher&) = delete;

  // Returns the resolution: "refetched", or "deactivated" when Zoho no longer
  // has the item or price list. Throws AttemptFailed or NeedsHuman for this
  // record, core::Error for Zoho as a whole. A record already refreshed in
  // this run is not fetched again.
  std::string replay(const ReplayRoute& route);

  int64_t api_calls() const;

 private:
  zoho::Client& client();
  std::string refetch_item(const std::string& item_id);
  std::string refresh_stock(const ReplayRoute& route);
  std::vector<std::string> adjustment_items(const std::string& adjustment_id);
  std::string refresh_pricebook(const std::string& pricebook_id);

  const core::Config& config_;
  pqxx::connection& conn_;
  const core::CancelToken* cancel_;
  std::unique_ptr<zoho::Client> client_;
  std::map<std::string, std::string> done_;  // "item:<id>" -> resolution, refreshed in this run
};

}  // namespace tshsync::webhooks
