#include <tshsync/sync/pull_prices.hpp>

#include <algorithm>
#include <vector>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/pricebook_rates.hpp>
#include <tshsync/sync/pull_prices_cost.hpp>
#include <tshsync/sync/run_transactions.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

// A sales book as its GET /pricebooks row has it. The pages stay as text:
// Books documents each row with its pricebook_items, a whole catalog per book.
struct ListedBook {
  zoho::Pricebook book;
  size_t page = 0;
  size_t row = 0;
  bool full_summary = false;  // the row names percentage, is_increase and rounding_type
};

struct BookListing {
  std::vector<zoho::Client::LargeAnswer> pages;
  std::vector<ListedBook> books;

  zoho::JsonElements row_items(const ListedBook& listed) const {
    const auto& page = pages[listed.page];
    return zoho::JsonElements(page.text, page.envelope,
                              {"pricebooks", zoho::element_step(listed.row), "pricebook_items"});
  }
};

bool names_every_term(const nlohmann::json& row) {
  for (const char* key : {"percentage", "is_increase", "rounding_type"}) {
    const nlohmann::json* field = zoho::find_field(row, key);
    if (field == nullptr || field->is_null()) return false;
  }
  return true;
}

BookListing list_sales_books(zoho::Client& client, PriceCounts& counts, ListingCalls& calls) {
  BookListing listing;
  client.for_each_large_page(
      "/pricebooks", "pricebooks", "pricebook_items", [&](zoho::Client::LargeAnswer& page, const zoho::PageContext&) {
        ++calls.list;
        const nlohmann::json& rows = *zoho::find_field(page.envelope, "pricebooks");
        for (size_t i = 0; i < rows.size(); ++i) {
          try {
            zoho::Pricebook book = zoho::parse_pricebook(rows[i]);
            if (book.sales)
              listing.books.push_back({std::move(book), listing.pages.size(), i, names_every_term(rows[i])});
          } catch (const zoho::RecordError& e) {
            ++counts.failed;
            core::log_warn("skipped pricebook {}: {}", e.record_id(), e.reason());
          }
        }
        listing.pages.push_back(std::move(page));
        return true;
      });
  std::stable_partition(listing.books.begin(), listing.books.end(), [](const ListedBook& b) { return b.book.active; });
  return listing;
}

// An active book as its detail has it. The items stay in the body's text
// and are read one at a time: a book can list the whole catalog.
struct BookDetail {
  zoho::Pricebook book;
  zoho::Client::LargeAnswer answer;

  zoho::JsonElements items() const {
    if (book.type != zoho::PricebookType::per_item) return {};
    return zoho::JsonElements(answer.text, answer.envelope, zoho::kPricebookItemsPath);
  }
};

BookDetail book_detail(zoho::Client& client, const zoho::Pricebook& summary, ListingCalls& calls) {
  ++calls.details;
  auto answer = client.get_large_if_exists("/pricebooks/" + summary.pricebook_id, zoho::kPricebookItemsPath);
  if (!answer) throw zoho::RecordError(summary.pricebook_id, "Zoho no longer has it (deleted during the run)");
  zoho::Pricebook book = zoho::parse_pricebook(answer->envelope["pricebook"]);
  return {std::move(book), std::move(*answer)};
}

// One book from its detail, in one transaction: its items, or (a detail
// that lists none proves nothing) the prices GET /items/pricebookrate gives,
// deleting nothing; or the list kept as it is.
void apply_from_detail(zoho::Client& client, RunTransactions& txs, const zoho::Pricebook& summary,
                       const PullPricesOptions& options, PriceCounts& counts, ListingCalls& calls) {
  const BookDetail detail = book_detail(client, summary, calls);
  pqxx::work& tx = txs.begin();
  const zoho::JsonElements listed = detail.items();
  std::optional<nlohmann::json> rates;
  if (detail.book.active && detail.book.type == zoho::PricebookType::per_item && !has_pricebook_items(listed)) {
    rates = fetch_pricebook_rates(client, tx, summary.pricebook_id, counts.item_rate_calls);
    ++calls.books_by_item_rates;
    if (!rates) {
      ++counts.lists_kept;
      core::log_warn("pricebook {} ({}): the detail lists no items; its list is kept as it is", summary.name,
                     summary.pricebook_id);
      txs.abort();
      return;
    }
    ++counts.books_by_item_rates;
    core::log_info(
        "pricebook {} ({}): the detail lists no items; {} price(s) read through /items/pricebookrate, none deleted",
        summary.name, summary.pricebook_id, rates->size());
  }
  const PriceCounts applied = rates
                                  ? apply_pricebook(tx, detail.book, zoho::JsonElements(*rates), options.prices, false)
                                  : apply_pricebook(tx, detail.book, listed, options.prices);
  txs.commit();
  counts.add(applied);
}

// A per_item book from the items of its list row, deleting nothing. False,
// with nothing written, when the row leaves out prices the list holds: only
// the detail may remove them (a list row is not known to be complete).
bool apply_from_row(RunTransactions& txs, const BookListing& listing, const ListedBook& listed,
                    const PullPricesOptions& options, PriceCounts& counts) {
  pqxx::work& tx = txs.begin();
  PriceCounts applied;
  {
    pqxx::subtransaction row_tx(tx, "tshsync_list_row");  // a savepoint: undone alone, even in a dry run
    applied = apply_pricebook(row_tx, listed.book, listing.row_items(listed), options.prices, false);
    if (applied.removals_unconfirmed > 0) {
      row_tx.abort();
    } else {
      row_tx.commit();
    }
  }
  if (applied.removals_unconfirmed > 0) {
    txs.abort();
    core::log_info("pricebook {} ({}): its list row leaves out {} price(s) the list holds; its detail decides",
                   listed.book.name, listed.book.pricebook_id, applied.removals_unconfirmed);
    return false;
  }
  txs.commit();
  applied.books_from_list = 1;
  counts.add(applied);
  return true;
}

}  // namespace

void pull_prices(zoho::Client& client, pqxx::connection& conn, const PullPricesOptions& options, PriceCounts& counts,
                 const AfterBatch& after_book) {
  ListingCalls calls;
  // The list call: every sales book, active ones first.
  const BookListing listing = list_sales_books(client, counts, calls);
  RunTransactions txs(conn, options.dry_run);
  for (const ListedBook& listed : listing.books) {
    const zoho::Pricebook& book = listed.book;
    try {
      const bool per_item = book.active && book.type == zoho::PricebookType::per_item;
      if (per_item && has_pricebook_items(listing.row_items(listed))) {
        // Priced from its row; the detail only when the row would remove prices.
        if (!apply_from_row(txs, listing, listed, options, counts))
          apply_from_detail(client, txs, book, options, counts, calls);
      } else if (!book.active || (book.type == zoho::PricebookType::fixed_percentage && listed.full_summary)) {
        // The row holds all the book is (an inactive book needs no prices).
        pqxx::work& tx = txs.begin();
        const PriceCounts applied = apply_pricebook(tx, book, zoho::JsonElements(), options.prices);
        txs.commit();
        counts.add(applied);
      } else {
        // A row with an empty or absent pricebook_items is doubt, not "no
        // prices": its detail decides (apply_from_detail).
        apply_from_detail(client, txs, book, options, counts, calls);
      }
    } catch (const zoho::RecordError& e) {
      ++counts.failed;
      core::log_warn("skipped pricebook {} ({}): {}", book.name, e.record_id(), e.reason());
      txs.abort();
    }
    after_book();
  }
  if (!options.dry_run) remember_listing_calls(conn, calls);
}

}  // namespace tshsync::sync
