#include <tshsync/util/epoch.hpp>

#include <algorithm>

namespace tshsync::util {

int64_t epoch_seconds(SystemTime t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

SystemTime from_epoch_seconds(int64_t seconds) { return SystemTime(std::chrono::seconds(seconds)); }

int64_t epoch_micros(SystemTime t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

SystemTime from_epoch_micros(int64_t micros) {
  return SystemTime(std::chrono::duration_cast<SystemTime::duration>(std::chrono::microseconds(micros)));
}

double to_epoch_seconds(SystemTime t) { return std::chrono::duration<double>(t.time_since_epoch()).count(); }

SystemTime from_extracted_epoch(double seconds) {
  return SystemTime(std::chrono::duration_cast<SystemTime::duration>(std::chrono::duration<double>(seconds)));
}

std::chrono::milliseconds wait_until(std::time_t when, SystemTime now) {
  const auto wait =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::from_time_t(when) - now);
  return std::max(wait, std::chrono::milliseconds(0));
}

}  // namespace tshsync::util
