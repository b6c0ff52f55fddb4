#pragma once

#include <memory>
#include <string>
#include <vector>

#include <tshsync/app/metrics_output.hpp>
#include <tshsync/core/config.hpp>

namespace tshsync::app {

// Something told when a run starts and ends (healthchecks pings, chat alerts).
// An observer must never change the run's outcome: it logs a warning instead
// of throwing.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void run_started(const std::string& command) = 0;
  virtual void run_finished(const RunOutcome& outcome) = 0;
};

// The observers the configuration asks for ([alerts]). A dry run pings no
// healthchecks: its exit 0 must not mark a failing check healthy.
std::vector<std::unique_ptr<RunObserver>> make_run_observers(const core::Config& config, bool dry_run = false);

}  // namespace tshsync::app
