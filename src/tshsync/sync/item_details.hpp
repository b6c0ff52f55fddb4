#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

// Item details (with locations[] / warehouses[]) for many items: GET
// /itemdetails?item_ids=a,b,... 100 ids a call. Where that endpoint is missing
// or refused (Books may lack it) it falls back, with a warning, to GET
// /items/{id} per item for the rest of the run.
class ItemDetailsFetcher {
 public:
  explicit ItemDetailsFetcher(zoho::Client& client) : client_(client) {}
  // `batched` false: straight to GET /items/{id}, for Zoho Books, which
  // documents no /itemdetails (asking would cost a refused call every run).
  ItemDetailsFetcher(zoho::Client& client, bool batched) : client_(client), per_item_(!batched) {}

  // The detail records of those items that still exist, as a JSON array.
  nlohmann::json fetch(const std::vector<std::string>& item_ids);

  int64_t calls() const { return calls_; }
  bool fell_back() const { return per_item_; }

  static constexpr size_t kBatch = 100;

 private:
  bool fetch_batch(const std::vector<std::string>& ids, nlohmann::json& out);
  void fetch_one(const std::string& id, nlohmann::json& out);

  zoho::Client& client_;
  bool per_item_ = false;
  int64_t calls_ = 0;
};

}  // namespace tshsync::sync
