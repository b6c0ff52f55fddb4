#pragma once

#include <atomic>

namespace tshsync::app {

// SIGTERM and SIGINT set a flag instead of killing the process, so the run
// can roll back its open transaction and close its sync_logs row as failed.
// A second signal ends the process at once.
void install_signal_handlers();

// The flag every long loop and every HTTP transfer checks.
const std::atomic<bool>& cancel_flag();

// Throws core::Error with exit 128+signal when a signal arrived.
void throw_if_cancelled();

}  // namespace tshsync::app
