#include <tshsync/webhooks/signature.hpp>

#include <array>
#include <cctype>
#include <optional>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <tshsync/core/error.hpp>
#include <tshsync/util/ascii.hpp>
#include <tshsync/util/hex.hpp>
#include <tshsync/webhooks/signature_text.hpp>

namespace tshsync::webhooks {

namespace {

constexpr size_t kDigestSize = 32;
using Digest = std::array<unsigned char, kDigestSize>;

Digest hmac_sha256(std::string_view secret, std::string_view body) {
  if (secret.empty()) throw core::config_error("the webhook secret is empty: set ZOHO_WEBHOOK_SECRET");
  Digest digest{};
  unsigned int length = 0;
  const unsigned char* ok =
      HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest.data(), &length);
  if (ok == nullptr || length != kDigestSize) throw core::Error(core::ExitCode::software, "HMAC-SHA256 failed");
  return digest;
}

std::string_view without_scheme_prefix(std::string_view text) {
  constexpr std::string_view prefix = "sha256=";
  if (text.size() < prefix.size()) return text;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return text;
  return text.substr(prefix.size());
}

bool is_hex_digest(std::string_view text) {
  if (text.size() != kDigestSize * 2) return false;
  for (const char c : text)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string sign_hex(std::string_view secret, std::string_view body) {
  const Digest digest = hmac_sha256(secret, body);
  return util::to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

const char* to_string(SignatureEncoding encoding) {
  switch (encoding) {
    case SignatureEncoding::missing:
      return "missing";
    case SignatureEncoding::hex:
      return "hex";
    case SignatureEncoding::base64:
      return "base64";
    case SignatureEncoding::unrecognised:
      return "unrecognised";
  }
  return "unrecognised";
}

SignatureCheck verify_signature(std::string_view secret, std::string_view body, std::string_view signature) {
  // Computed first, so a missing secret is an error even when the signature is missing too.
  const Digest expected = hmac_sha256(secret, body);
  SignatureCheck check;
  const std::string_view text = without_scheme_prefix(util::trim_space(signature));
  if (text.empty()) return check;

  std::optional<std::string> given;
  if (is_hex_digest(text)) {
    check.encoding = SignatureEncoding::hex;
    given = util::decode_hex(text);
  } else if ((given = decode_base64(text)) && given->size() == kDigestSize) {
    check.encoding = SignatureEncoding::base64;
  } else {
    given.reset();
    check.encoding = SignatureEncoding::unrecognised;
  }
  // The length of what was sent is no secret; only the digest comparison must not leak.
  check.valid =
      given && given->size() == kDigestSize && CRYPTO_memcmp(given->data(), expected.data(), kDigestSize) == 0;
  return check;
}

}  // namespace tshsync::webhooks
