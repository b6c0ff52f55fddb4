#pragma once

#include <cstdint>
#include <string>

#include <tshsync/core/config.hpp>

namespace tshsync::sync {

// How much one run may delete or deactivate before it stops: an odd answer
// from Zoho (an empty list, a listing cut short) must not wipe the ERP.
struct MassChangeLimit {
  double max_share = core::SyncConfig{}.max_change_share;  // [sync].max_change_share
  bool allowed = false;                                    // --allow-mass-changes
};

// Throws core::Error (exit 65) naming the count when `changes` of `base`
// rows is more than the share allows, unless mass changes are allowed. The
// caller has not committed the change yet: the throw rolls it back.
// `what` says what would change, e.g. "delete prices of list Consumer".
void check_mass_change(const MassChangeLimit& limit, int64_t changes, int64_t base, const std::string& what);

}  // namespace tshsync::sync
