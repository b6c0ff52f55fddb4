#pragma once

#include <optional>
#include <string>

#include <tshsync/core/config.hpp>
#include <tshsync/core/exit_code.hpp>
#include <tshsync/core/run_report.hpp>

namespace tshsync::app {

struct VerifySignatureOptions {
  std::string secret_env;                  // the variable holding the shared secret
  std::optional<std::string> signature;    // --signature
  std::optional<std::string> header_file;  // --header-file: raw HTTP headers
  std::optional<std::string> header_name;  // default [replay].signature_header
};

// Checks the HMAC-SHA256 signature of the body read from stdin, byte for byte.
// Exit 0 valid, 1 invalid or missing, 78 when the secret variable is unset or
// empty (never "allow"). Counts: valid, encoding, body_bytes.
core::ExitCode verify_signature_command(const core::Config& config, core::RunReport& report,
                                        const VerifySignatureOptions& options);

}  // namespace tshsync::app
