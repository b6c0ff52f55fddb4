#pragma once

namespace tshsync::http {

// Runs curl_global_init once per process (thread-safe). libcurl requires it
// before any other call, and it must not race with handles being created.
// Throws core::Error when libcurl cannot initialise (then a later call retries).
void ensure_curl_global_init();

}  // namespace tshsync::http
