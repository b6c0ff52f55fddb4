#pragma once

#include <chrono>
#include <map>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::repair {

struct FixStuckOptions {
  std::chrono::seconds older_than{std::chrono::hours(1)};
  bool dry_run = false;  // report what would be fixed, write nothing
};

struct FixStuckResult {
  int fixed = 0;                       // rows failed (or that would be, under dry_run)
  std::map<std::string, int> by_type;  // sync_type -> rows fixed
  int left_running = 0;                // old rows left because their command's lock is held
};

// Fails sync_logs rows stuck in_progress since before now() - older_than
// whose run is gone. A tshsync command's rows are left alone while another
// process holds that command's advisory lock; the ERP's own sync types have
// no lock and are judged by age alone. One transaction.
FixStuckResult fix_stuck(pqxx::connection& conn, const FixStuckOptions& options);

}  // namespace tshsync::repair
