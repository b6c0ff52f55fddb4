#pragma once

#include <cstdint>
#include <functional>

namespace tshsync::util {

// The one source of retry jitter: draws from U(0, 1), so processes and
// entries that failed together do not come back in lockstep.
using JitterSource = std::function<double()>;

// This thread's generator, seeded from the OS on first use.
double jitter_unit();

// Reseeds this thread's generator: the same seed gives the same draws (tests).
void seed_jitter(std::uint32_t seed);

}  // namespace tshsync::util
