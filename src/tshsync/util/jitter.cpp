#include <tshsync/util/jitter.hpp>

#include <random>

namespace tshsync::util {
namespace {

std::mt19937& generator() {
  thread_local std::mt19937 engine{std::random_device{}()};
  return engine;
}

}  // namespace

double jitter_unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(generator()); }

void seed_jitter(std::uint32_t seed) { generator().seed(seed); }

}  // namespace tshsync::util
