#include <tshsync/sync/pull_prices.hpp>

#include <algorithm>
#include <vector>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/pricebook_rates.hpp>
#include <tshsync/sync/run_transactions.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

std::vector<zoho::Pricebook> list_sales_books(zoho::Client& client, PriceCounts& counts) {
  std::vector<zoho::Pricebook> books;
  client.for_each_page("/pricebooks", {}, "pricebooks", [&](const nlohmann::json& page, const zoho::PageContext&) {
    for (const auto& record : page) {
      try {
        zoho::Pricebook book = zoho::parse_pricebook(record);
        if (book.sales) books.push_back(std::move(book));
      } catch (const zoho::RecordError& e) {
        ++counts.failed;
        core::log_warn("skipped pricebook {}: {}", e.record_id(), e.reason());
      }
    }
    return true;
  });
  std::stable_partition(books.begin(), books.end(), [](const zoho::Pricebook& b) { return b.active; });
  return books;
}

// An active book as its detail has it (the only place with pricebook_items;
// also the authority on percentage and rounding). The items stay in the
// body's text and are read one at a time: a book can list the whole catalog.
struct BookDetail {
  zoho::Pricebook book;
  zoho::Client::LargeAnswer answer;  // none for an inactive book

  zoho::JsonElements items() const {
    if (book.type != zoho::PricebookType::per_item) return {};
    return zoho::JsonElements(answer.text, answer.envelope, zoho::kPricebookItemsPath);
  }
};

BookDetail book_detail(zoho::Client& client, const zoho::Pricebook& summary) {
  if (!summary.active) return {summary, {}};
  auto answer = client.get_large_if_exists("/pricebooks/" + summary.pricebook_id, zoho::kPricebookItemsPath);
  if (!answer) throw zoho::RecordError(summary.pricebook_id, "Zoho no longer has it (deleted during the run)");
  zoho::Pricebook book = zoho::parse_pricebook(answer->envelope["pricebook"]);
  return {std::move(book), std::move(*answer)};
}

}  // namespace

void pull_prices(zoho::Client& client, pqxx::connection& conn, const PullPricesOptions& options, PriceCounts& counts,
                 const AfterBatch& after_book) {
  // The list call: every sales book, active ones first.
  const std::vector<zoho::Pricebook> books = list_sales_books(client, counts);
  RunTransactions txs(conn, options.dry_run);
  for (const zoho::Pricebook& book : books) {
    try {
      // Its detail (its items), then one transaction: link the list, COPY, one
      // upsert, the delete the mass-change guard allows (apply_pricebook).
      const BookDetail detail = book_detail(client, book);
      pqxx::work& tx = txs.begin();
      const zoho::JsonElements listed = detail.items();
      std::optional<nlohmann::json> rates;
      if (detail.book.active && detail.book.type == zoho::PricebookType::per_item && !has_pricebook_items(listed)) {
        // An empty or absent list proves nothing: ask Zoho per item, delete nothing.
        rates = fetch_pricebook_rates(client, tx, book.pricebook_id, counts.item_rate_calls);
        if (!rates) {
          ++counts.lists_kept;
          core::log_warn("pricebook {} ({}): the detail lists no items; its list is kept as it is", book.name,
                         book.pricebook_id);
          txs.abort();
          after_book();
          continue;
        }
        ++counts.books_by_item_rates;
        core::log_info(
            "pricebook {} ({}): the detail lists no items; {} price(s) read through /items/pricebookrate, "
            "none deleted",
            book.name, book.pricebook_id, rates->size());
      }
      const PriceCounts applied =
          rates ? apply_pricebook(tx, detail.book, zoho::JsonElements(*rates), options.prices, false)
                : apply_pricebook(tx, detail.book, listed, options.prices);
      txs.commit();
      counts.add(applied);
    } catch (const zoho::RecordError& e) {
      ++counts.failed;
      core::log_warn("skipped pricebook {} ({}): {}", book.name, e.record_id(), e.reason());
      txs.abort();
    }
    after_book();
  }
}

}  // namespace tshsync::sync
