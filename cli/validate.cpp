// tshsync validate: checks product data quality and stores the results.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/validate_command.hpp>
#include <tshsync/checks/validation_rules.hpp>

namespace tshsync::cli {
namespace {

CLI::Validator known_rule() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (checks::find_rule(value)) return {};
        return "unknown rule '" + value + "' (valid: " + checks::rule_names() + ")";
      },
      "", "rule");
}

// The rules with their severity, for --help.
std::string rules_footer() {
  std::string out = "Rules (exit 1 when an error rule finds anything):\n";
  for (const auto& r : checks::validation_rules())
    out += fmt::format("  {:<34}{:<9}{}\n", r.name, r.severity, r.description);
  return out;
}

}  // namespace

void set_validate_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("validate",
                                 "Check product data quality (prices, images, Zoho ids, SKUs) and store the results");
  auto options = std::make_shared<checks::ValidateOptions>();
  cmd->add_option("--rule", options->rules, "Run only this rule (repeatable; the rules are listed below)")
      ->type_name("NAME")
      ->check(known_rule());
  cmd->add_option("--samples", options->samples, "Sample ids kept per rule")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->footer(rules_footer() + "\n" + cmd->get_footer());
  cmd->callback([&shared, options] {
    shared.exit_code = app::run_command(shared.global, app::specs::validate(), [options](app::RunContext& ctx) {
      return app::validate_command(ctx, *options);
    });
  });
}

}  // namespace tshsync::cli
