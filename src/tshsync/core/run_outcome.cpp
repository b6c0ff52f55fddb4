#include <tshsync/core/run_outcome.hpp>

namespace tshsync::core {

std::string to_string(RunStatus status) {
  switch (status) {
    case RunStatus::success:
      return "success";
    case RunStatus::problems:
      return "problems";
    case RunStatus::partial:
      return "partial";
    case RunStatus::skipped:
      return "skipped";
    case RunStatus::failed:
      return "failed";
  }
  return "failed";
}

}  // namespace tshsync::core
