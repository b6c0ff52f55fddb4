#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/util/epoch.hpp>
#include <tshsync/util/time_format.hpp>

namespace tshsync::sync {

// tshsync_state: cursors and checkpoints, written in the same transaction as
// the rows they describe, so they never run ahead of committed data.
std::optional<nlohmann::json> read_state(pqxx::transaction_base& tx, const std::string& key);
void delete_state(pqxx::transaction_base& tx, const std::string& key);

// A cursor is a Zoho timestamp: every item modified before it has been applied.
std::optional<util::SystemTime> read_cursor(pqxx::transaction_base& tx, const std::string& key);

// What a pull keeps after each page, written in one statement: a checkpoint
// (when given; only when it changed) and a cursor move (when given; forward only).
struct SavedProgress {
  std::string checkpoint_key;
  std::optional<nlohmann::json> checkpoint;
  std::string cursor_key;
  std::optional<util::SystemTime> cursor;
};
void save_progress(pqxx::transaction_base& tx, const SavedProgress& progress);

// Epoch conversions live in util/epoch.hpp.
using util::epoch_micros;
using util::epoch_seconds;
using util::from_epoch_micros;
using util::from_epoch_seconds;

}  // namespace tshsync::sync
