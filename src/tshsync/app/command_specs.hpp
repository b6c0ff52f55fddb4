#pragma once

#include <vector>

#include <tshsync/app/command_spec.hpp>

// Every command app::run_command runs, with its lock, sync_logs row and schema
// needs, in one place (cli/<name>.cpp adds --dry-run). verify-signature,
// status and check run without any of them (run_offline_command, run_inspection).
namespace tshsync::app::specs {

CommandSpec migrate();
CommandSpec pull_products();
CommandSpec pull_stock();
CommandSpec pull_prices();
CommandSpec fix_stuck();
CommandSpec backfill_prices();
CommandSpec validate();
CommandSpec archive_logs();
CommandSpec health();
CommandSpec replay_dlq();

// All of the above, in --help order.
std::vector<CommandSpec> all();

}  // namespace tshsync::app::specs
