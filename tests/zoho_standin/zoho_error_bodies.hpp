#pragma once

namespace zoho_standin {

// Zoho's error bodies as public clients quote them from live responses
// (../shared/docs/zoho-real-shapes.md, "Error envelope"): the message of
// `code`, nullptr for a code the stand-in does not imitate.
const char* zoho_error_message(int code);

// The HTTP status Zoho sends with `code` (1070's is assumed 429).
int default_status_of(int code);

}  // namespace zoho_standin
