#pragma once

#include <fmt/format.h>

#include <tshsync/core/log.hpp>

namespace tshsync::core {

// Written even under --quiet: why a run exited 1 or 2 (what cron must mail).
template <typename... Args>
void log_notice(fmt::format_string<Args...> f, Args&&... args) {
  write_log("notice: ", fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace tshsync::core
