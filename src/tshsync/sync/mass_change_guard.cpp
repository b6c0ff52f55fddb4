#include <tshsync/sync/mass_change_guard.hpp>

#include <fmt/format.h>

#include <tshsync/core/error.hpp>

namespace tshsync::sync {

void check_mass_change(const MassChangeLimit& limit, int64_t changes, int64_t base, const std::string& what) {
  if (limit.allowed || changes <= 0 || base <= 0) return;
  if (static_cast<double>(changes) <= limit.max_share * static_cast<double>(base)) return;
  throw core::data_error(fmt::format(
      "refusing to {}: {} of {} ({:.0f}%) is more than [sync].max_change_share allows ({:.0f}%); nothing of it was "
      "written; check Zoho, then rerun with --allow-mass-changes if the change is real",
      what, changes, base, 100.0 * static_cast<double>(changes) / static_cast<double>(base), 100.0 * limit.max_share));
}

}  // namespace tshsync::sync
