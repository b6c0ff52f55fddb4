// tshsync: keeps a PostgreSQL ERP in step with Zoho Books / Inventory.
// main() only parses the command line; every subcommand lives in its own file,
// listed in the command table (cli/commands.cpp), and every piece of logic in
// the library under src/.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/command_suggestion.hpp"
#include "cli/commands.hpp"

#include <tshsync/app/build_info.hpp>
#include <tshsync/app/metrics_output.hpp>
#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/util/time_format.hpp>

namespace {

// A bad command line still ends with the one metrics line cron relies on.
int usage_failure(const std::string& command, const std::string& message) {
  tshsync::core::log_error("{}", message);
  tshsync::core::log_info("run 'tshsync --help' for usage");
  tshsync::core::RunOutcome outcome;
  outcome.command = command.empty() ? "tshsync" : command;
  outcome.status = tshsync::core::RunStatus::failed;
  outcome.started_at = tshsync::util::to_epoch_seconds(std::chrono::system_clock::now());
  outcome.exit_code = tshsync::core::ExitCode::usage;
  outcome.error = message;
  std::puts(tshsync::app::metrics_line(outcome).c_str());
  return tshsync::core::to_int(outcome.exit_code);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "tshsync: keep a PostgreSQL ERP in step with Zoho Books / Zoho Inventory, repair what drifted,\n"
      "and report the truth about it. Every run prints one JSON metrics line on stdout."};
  app.name("tshsync");
  app.set_version_flag("--version", tshsync::app::version_text());
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "Exit codes: 0 ok, 1 problems found, 2 partial, 64 usage, 65 bad data, 69 unavailable,\n"
      "70 internal error, 75 temporary (locked, rate-limited): retry later, 77 credentials refused,\n"
      "78 configuration, 130/143 interrupted. See tshsync(1).");

  tshsync::cli::Shared shared;
  app.add_option("-c,--config", shared.global.config_path,
                 "Configuration file (default: $TSHSYNC_CONFIG, else /etc/tshsync/tshsync.toml)");
  app.add_option("--dsn", shared.global.dsn,
                 "PostgreSQL connection string (default: $TSHSYNC_DSN, [database].dsn, then libpq's PG* environment)");
  auto* quiet = app.add_flag("-q,--quiet", shared.global.quiet,
                             "Print only errors, and one line why a run exited 1 or 2, on stderr (the metrics line "
                             "stays on stdout)");
  auto* verbose = app.add_flag("-v,--verbose", shared.global.verbose, "Print more detail on stderr");
  quiet->excludes(verbose);

  tshsync::cli::set_commands(app, shared);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (auto unknown = tshsync::cli::unknown_command_message(app, args)) return usage_failure("", *unknown);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return app.exit(CLI::CallForHelp());
  } catch (const CLI::CallForAllHelp&) {
    return app.exit(CLI::CallForAllHelp());
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    for (const auto* sub : app.get_subcommands()) shared.chosen = sub->get_name();
    return usage_failure(shared.chosen, e.what());
  }
  return shared.exit_code;
}
