#pragma once

#include <atomic>
#include <chrono>
#include <string>

namespace tshsync::zoho {

// Sleeps in short slices so a raised cancel flag (SIGTERM) ends the wait
// promptly with http::TransportError(cancelled); `what` names the wait.
void pause(std::chrono::milliseconds duration, const std::atomic<bool>* cancel, const std::string& what);

// Throws http::TransportError(cancelled) when the flag is raised.
void throw_if_cancelled(const std::atomic<bool>* cancel, const std::string& what);

// U(0, 1), for retry jitter.
double jitter_unit();

}  // namespace tshsync::zoho
