#pragma once

#include <string>
#include <string_view>

namespace tshsync::util {

// Every secret the process learns (tokens, client secret, DSN password, webhook
// secret, alert URLs) is registered here, and every line that leaves the
// process (log, error, metrics) passes through redact(). Registering is cheap
// and idempotent; secrets shorter than 4 characters are ignored (they would
// mangle ordinary text and are not worth hiding).
void register_secret(std::string_view secret);

// Replaces registered secrets with "***" and masks passwords in connection
// strings ("password=...", "postgresql://user:pass@host").
std::string redact(std::string_view text);

// Registers the password part of a libpq DSN (key/value or URI form).
void register_dsn_secrets(std::string_view dsn);

}  // namespace tshsync::util
