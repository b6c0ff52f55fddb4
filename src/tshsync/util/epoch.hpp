#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>

namespace tshsync::util {

// The one name for a wall-clock instant.
using SystemTime = std::chrono::system_clock::time_point;

// Whole seconds since the epoch, the form checkpoints keep times in.
int64_t epoch_seconds(SystemTime t);
SystemTime from_epoch_seconds(int64_t seconds);

// Microseconds, PostgreSQL's precision: for "created before the listing began".
int64_t epoch_micros(SystemTime t);
SystemTime from_epoch_micros(int64_t micros);

// Seconds since the epoch as a double, for metrics.
double to_epoch_seconds(SystemTime t);
// The instant PostgreSQL's EXTRACT(EPOCH FROM ...)::float8 names.
SystemTime from_extracted_epoch(double seconds);

// How long from `now` until `when` (a time_t), never negative.
std::chrono::milliseconds wait_until(std::time_t when, SystemTime now);

}  // namespace tshsync::util
