#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/core/config.hpp>
#include <tshsync/core/error.hpp>
#include <tshsync/zoho/call_shares.hpp>
#include <tshsync/zoho/client_tuning.hpp>
#include <tshsync/zoho/json_elements.hpp>

namespace tshsync::zoho {

using Query = std::vector<std::pair<std::string, std::string>>;

// The daily call budget ([zoho].daily_call_budget) is spent: the caller
// checkpoints and the run exits 75; the next run resumes.
class BudgetExhausted : public core::Error {
 public:
  explicit BudgetExhausted(const std::string& message) : core::Error(core::ExitCode::temp_fail, message) {}
};

struct PageContext {
  int page = 1;
  bool has_more_page = false;
};

// Return false to stop paging early.
using PageCallback = std::function<bool(const nlohmann::json& records, const PageContext& context)>;

// Talks to Zoho Books (/books/v3) or Inventory (/inventory/v1) for one
// organization: OAuth access token cached in PostgreSQL and shared by every
// run and host, a rate limiter whose account lives in PostgreSQL (the limit
// belongs to the organization, not to one process), retries with backoff,
// and response envelope checks (`code` must be 0, bodies must be JSON).
//
// Errors are core::Error with the documented exit code: 69 Zoho unreachable
// or still failing after retries, 75 rate-limited / token throttled, 77
// credentials refused, 78 configuration missing or invalid; BudgetExhausted
// (75) when the daily budget is spent.
class Client {
 public:
  // `dsn` opens the client's own PostgreSQL connection for the token cache and
  // the rate account, so their commits never depend on the caller's transaction.
  Client(const core::ZohoConfig& config, const std::string& dsn, const core::CancelToken* cancel = nullptr);
  // The same with other retry waits and limits (tests shorten them).
  Client(const core::ZohoConfig& config, const std::string& dsn, const core::CancelToken* cancel,
         const ClientTuning& tuning);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // GET {api}/{books/v3|inventory/v1}{path}?organization_id=..&params; returns
  // the whole parsed envelope after checking code == 0.
  nlohmann::json get(const std::string& path, const Query& params = {});

  // Like get(), but Zoho's "does not exist" (code 1002, sent with HTTP 404) is
  // empty; a 404 for a path Zoho does not know (code 5) stays an error.
  std::optional<nlohmann::json> get_if_exists(const std::string& path, const Query& params = {});

  // Like get_if_exists(), for an answer whose array at `big_array` may be too
  // large to hold as a document (a pricebook's items): `envelope` has that
  // array empty, and `text` is the body to read its elements from
  // (JsonElements, for_each_element). The whole body is checked as JSON first.
  struct LargeAnswer {
    nlohmann::json envelope;
    std::string text;
  };
  std::optional<LargeAnswer> get_large_if_exists(const std::string& path, const JsonPath& big_array);
  // Pages through a list endpoint (page=1.., per_page=200), handing each
  // page's `collection_key` array to on_page as soon as it arrives; never
  // holds more than one page. A listing past [zoho].max_list_pages pages, or
  // one that repeats a page, is unavailable_error (69).
  void for_each_page(const std::string& path, const Query& params, const std::string& collection_key,
                     const PageCallback& on_page);
  // Like for_each_page, for a list whose records each carry an array that may
  // be too large to hold as a document (GET /pricebooks rows with their
  // pricebook_items, as Books documents them): `page.envelope` has every
  // record's `record_array` empty, and its elements are read from `page.text`
  // (JsonElements with {collection_key, element_step(i), record_array}).
  using LargePageCallback = std::function<bool(LargeAnswer& page, const PageContext& context)>;
  void for_each_large_page(const std::string& path, const std::string& collection_key, const std::string& record_array,
                           const LargePageCallback& on_page);

  // Counts every later request as this command's (tshsync_call_usage) and
  // caps it at the command's share of the daily budget (call_shares.hpp).
  void count_calls_as(const CallShare& share);

  // API requests sent (token requests not included), for the `api_calls` count.
  int64_t api_calls() const;

  // Token requests this client sent (attempts, retries included).
  int64_t token_requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Checks the [zoho] settings a Zoho command needs (ids, secrets, hosts) and
// throws config_error naming what is missing.
void require_zoho_config(const core::ZohoConfig& config);

}  // namespace tshsync::zoho
