#pragma once

#include <chrono>
#include <optional>

#include <tshsync/http/http_client.hpp>

namespace tshsync::zoho {

// How long the organization's request window stays spent, by a response: a
// 429, or X-Rate-Limit-Remaining: 0, timed by Retry-After (seconds or HTTP
// date) or X-Rate-Limit-Reset (seconds, or an epoch time). A 429 without
// either means one second. Empty when the window is not spent. At most `cap`.
std::optional<std::chrono::milliseconds> spent_window_wait(const http::Response& response,
                                                           std::chrono::milliseconds cap,
                                                           std::chrono::system_clock::time_point now);

}  // namespace tshsync::zoho
