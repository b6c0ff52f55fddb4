#include <tshsync/app/run_observer.hpp>

namespace tshsync::app {

std::vector<std::unique_ptr<RunObserver>> make_run_observers(const core::Config& /*config*/) {
  return {};
}

}  // namespace tshsync::app
