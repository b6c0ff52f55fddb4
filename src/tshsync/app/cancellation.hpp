#pragma once

#include <tshsync/core/cancel_token.hpp>

namespace tshsync::app {

// SIGTERM, SIGINT and SIGHUP raise the process's cancel token instead of
// killing the process, so the run can roll back its open transaction and
// close its sync_logs row as failed. A second signal ends the process at once.
void install_signal_handlers();

// The process's token, which every long loop and every HTTP transfer checks.
const core::CancelToken& cancel_flag();

// Throws core::Error with exit 128+signal when a signal arrived
// (cancel_flag().throw_if_requested()).
void throw_if_cancelled();

}  // namespace tshsync::app
