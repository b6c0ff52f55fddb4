#include "cli/commands.hpp"

#include <stdexcept>

#include <tshsync/util/duration.hpp>

namespace tshsync::cli {

// The command table: every subcommand, in the order --help and tshsync(1) list them.
void set_commands(CLI::App& app, Shared& shared) {
  set_migrate_command(app, shared);
  set_pull_products_command(app, shared);
  set_pull_stock_command(app, shared);
  set_pull_prices_command(app, shared);
  set_fix_stuck_command(app, shared);
  set_backfill_prices_command(app, shared);
  set_validate_command(app, shared);
  set_archive_logs_command(app, shared);
  set_health_command(app, shared);
  set_replay_dlq_command(app, shared);
  set_verify_signature_command(app, shared);
  set_status_command(app, shared);
  set_check_command(app, shared);
}

CLI::Validator duration_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          if (util::parse_duration(value).count() <= 0) return "a duration must be positive: '" + value + "'";
          return {};
        } catch (const std::invalid_argument& e) {
          return e.what();
        }
      },
      "DURATION", "duration");
}

CLI::Option* add_duration_option(CLI::App& cmd, const std::string& name, std::chrono::seconds& target,
                                 const std::string& description) {
  return cmd
      .add_option_function<std::string>(
          name, [&target](const std::string& value) { target = util::parse_duration(value); }, description)
      ->check(duration_validator())
      ->default_str(util::format_duration(target));
}

}  // namespace tshsync::cli
