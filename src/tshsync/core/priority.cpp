#include <tshsync/core/priority.hpp>

namespace tshsync::core {

std::string to_string(Priority p) { return "P" + std::to_string(static_cast<int>(p)); }

}  // namespace tshsync::core
