// tshsync check: can this installation run? Settings and their origins, the
// database and its schema, one Zoho token and one organization call.
#include "cli/commands.hpp"

#include <tshsync/app/check_command.hpp>
#include <tshsync/app/inspection_runner.hpp>

namespace tshsync::cli {

void set_check_command(CLI::App& app, Shared& shared) {
  app.add_subcommand("check",
                     "Check the installation: where each setting came from (file, environment, flag; secrets as\n"
                     "set/unset), that the database answers and its schema version, one Zoho token and one\n"
                     "organization call. Each failure is one line with its exit code and a fix")
      ->callback([&shared] { shared.exit_code = app::run_inspection(shared.global, "check", app::check_command); });
}

}  // namespace tshsync::cli
