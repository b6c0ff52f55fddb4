#pragma once

#include <string>
#include <string_view>

// HMAC-SHA256 webhook signatures: what the ERP's receiver checks in
// X-Zoho-Signature, and what replay-dlq puts there when it redelivers.
namespace tshsync::webhooks {

// Lower-case hex HMAC-SHA256 of the exact bytes of `body`.
std::string sign_hex(std::string_view secret, std::string_view body);

enum class SignatureEncoding { missing, hex, base64, unrecognised };

const char* to_string(SignatureEncoding encoding);

struct SignatureCheck {
  bool valid = false;
  SignatureEncoding encoding = SignatureEncoding::missing;
};

// Accepts hex (either case) or base64 (standard or URL-safe, padding optional),
// with an optional "sha256=" prefix. The digests are compared in constant time.
// An empty secret throws core::config_error: no secret never means "allow".
SignatureCheck verify_signature(std::string_view secret, std::string_view body, std::string_view signature);

}  // namespace tshsync::webhooks
