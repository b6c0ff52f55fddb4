#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct MigrateCommandOptions {
  bool check = false;  // --check: report, change nothing
};

// Checks the ERP's schema against [erp] (exit 78 naming every
// incompatibility), then applies pending migrations and the ERP adoption in
// one transaction (or lists them under --dry-run). With --check it prints
// what migrate would add and every incompatibility, and rolls back.
// Counts: from_version, to_version, applied (pending under --dry-run),
// incompatibilities, would_add / would_remove (--check).
core::ExitCode migrate_command(RunContext& ctx, const MigrateCommandOptions& options);

}  // namespace tshsync::app
