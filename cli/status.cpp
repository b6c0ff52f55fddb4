// tshsync status: what the database knows about the sync, read-only, no Zoho call.
#include "cli/commands.hpp"

#include <tshsync/app/inspection_runner.hpp>
#include <tshsync/app/status_command.hpp>

namespace tshsync::cli {

void set_status_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "status",
      "Show per command the last run, last success and last error (UTC and age), its cursor and strategy,\n"
      "the schema version, dead letters by state, the Zoho token's expiry and today's API calls against the\n"
      "budget. Read-only, no Zoho call. Exit 0, or 1 when a scheduled command is overdue ([health].stale_after)");
  auto options = std::make_shared<app::StatusOptions>();
  cmd->add_flag("--json", options->json, "Print the report as one JSON document on stdout, before the metrics line");
  cmd->callback([&shared, options] {
    shared.exit_code = app::run_inspection(shared.global, "status",
                                           [options](const core::ConfigSources& sources, core::RunReport& report) {
                                             return app::status_command(sources, report, *options);
                                           });
  });
}

}  // namespace tshsync::cli
