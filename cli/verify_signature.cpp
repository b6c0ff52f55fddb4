// tshsync verify-signature: checks a webhook body's HMAC-SHA256 signature offline.
#include "cli/commands.hpp"

#include <tshsync/app/verify_signature_command.hpp>

namespace tshsync::cli {

void set_verify_signature_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "verify-signature",
      "Check the HMAC-SHA256 signature (hex or base64) of a webhook body read from stdin, byte for byte.\n"
      "Exit 0 valid, 1 invalid or missing, 78 when the secret variable is unset");
  auto opts = std::make_shared<app::VerifySignatureOptions>();
  cmd->add_option("--secret-env", opts->secret_env,
                  "Environment variable holding the shared secret (e.g. ZOHO_WEBHOOK_SECRET)")
      ->required();
  auto* signature = cmd->add_option("--signature", opts->signature, "The signature as received");
  auto* header_file = cmd->add_option("--header-file", opts->header_file,
                                      "File with the request's raw HTTP headers; the signature header is read from it");
  signature->excludes(header_file);
  cmd->add_option(
      "--header", opts->header_name,
      "Signature header to look for in --header-file (default [replay].signature_header, X-Zoho-Signature)");
  cmd->callback([&shared, opts] {
    shared.exit_code = app::run_offline_command(shared.global, "verify-signature",
                                                [opts](const core::Config& config, core::RunReport& report) {
                                                  return app::verify_signature_command(config, report, *opts);
                                                });
  });
}

}  // namespace tshsync::cli
