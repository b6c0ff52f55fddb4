#include <tshsync/app/verify_signature_command.hpp>

#include <cstdio>
#include <cstdlib>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/util/files.hpp>
#include <tshsync/util/redact.hpp>
#include <tshsync/webhooks/raw_headers.hpp>
#include <tshsync/webhooks/signature.hpp>

namespace tshsync::app {

namespace {

// Every byte, as sent: the signature covers the exact body.
std::string read_stdin() {
  std::string body;
  char buffer[65536];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) body.append(buffer, n);
  if (std::ferror(stdin)) throw core::data_error("could not read the body from stdin");
  return body;
}

std::string secret_from(const std::string& variable) {
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0')
    throw core::config_error("environment variable " + variable +
                             " is unset or empty: without the secret no signature can be checked");
  util::register_secret(value);
  return value;
}

std::string signature_from(const VerifySignatureOptions& options, const std::string& header_name) {
  if (options.signature) return *options.signature;
  std::string headers;
  try {
    headers = util::read_file(*options.header_file);
  } catch (const std::runtime_error& e) {
    throw core::usage_error(e.what());
  }
  auto value = webhooks::find_header(headers, header_name);
  if (!value) core::log_info("no {} header in {}", header_name, *options.header_file);
  return value.value_or("");
}

}  // namespace

core::ExitCode verify_signature_command(const core::Config& config, core::RunReport& report,
                                        const VerifySignatureOptions& options) {
  if (options.signature.has_value() == options.header_file.has_value())
    throw core::usage_error("give exactly one of --signature and --header-file");
  const std::string secret = secret_from(options.secret_env);
  const std::string header_name = options.header_name.value_or(config.replay.signature_header);
  const std::string signature = signature_from(options, header_name);
  const std::string body = read_stdin();

  const webhooks::SignatureCheck check = webhooks::verify_signature(secret, body, signature);
  report.set("valid", check.valid);
  report.set("encoding", webhooks::to_string(check.encoding));
  report.set("body_bytes", body.size());
  if (check.valid) {
    core::log_info("signature valid ({}, {} body bytes)", webhooks::to_string(check.encoding), body.size());
    return core::ExitCode::success;
  }
  if (check.encoding == webhooks::SignatureEncoding::missing)
    core::log_info("signature missing: the body cannot be trusted");
  else
    core::log_info("signature INVALID ({}): the body was not signed with this secret, or was changed",
                   webhooks::to_string(check.encoding));
  return core::ExitCode::problems;
}

}  // namespace tshsync::app
