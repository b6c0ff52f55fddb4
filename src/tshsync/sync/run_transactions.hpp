#pragma once

#include <memory>

#include <pqxx/pqxx>

namespace tshsync::sync {

// The transactions of a pull. Normally one per batch of pages (or per pricebook), each
// committed as soon as its batch is written. Under --dry-run the whole run
// shares one transaction that is rolled back at the end: later batches see
// what earlier ones would have written, so the counts are those of a real
// run, and nothing (cursor included) is kept.
class RunTransactions {
 public:
  // Commits do not wait for the disk while the pull runs: a batch lost to a
  // server crash is lost together with the cursor or checkpoint that would
  // have skipped it, so the next run simply reads it again; waiting would
  // cost one flush per page.
  RunTransactions(pqxx::connection& conn, bool dry_run) : conn_(conn), dry_run_(dry_run) {
    pqxx::nontransaction(conn_).exec("SET synchronous_commit = off");
  }
  ~RunTransactions() {
    tx_.reset();
    try {
      pqxx::nontransaction(conn_).exec("RESET synchronous_commit");
    } catch (const std::exception&) {
      // the connection is gone: nothing left to reset
    }
  }
  RunTransactions(const RunTransactions&) = delete;
  RunTransactions& operator=(const RunTransactions&) = delete;

  // The transaction for the next batch (opened when needed).
  pqxx::work& begin() {
    if (!tx_) tx_ = std::make_unique<pqxx::work>(conn_);
    return *tx_;
  }
  // Ends the batch: commits it, or under --dry-run keeps it open.
  void commit() {
    if (dry_run_ || !tx_) return;
    tx_->commit();
    tx_.reset();
  }
  // Drops the batch: rolls it back (under --dry-run the run's transaction goes on).
  void abort() {
    if (!dry_run_) tx_.reset();
  }

 private:
  pqxx::connection& conn_;
  bool dry_run_;
  std::unique_ptr<pqxx::work> tx_;  // destroyed uncommitted: rolled back
};

}  // namespace tshsync::sync
