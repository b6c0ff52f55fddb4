#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace zoho_standin {

// Deterministic pseudo-random numbers (splitmix64). The standard distributions differ between
// library versions, so catalogs built from one seed would not be the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }

  // Uniform in [0, n); n must be positive. The modulo bias is negligible for our sizes.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

  // Uniform in [lo, hi], both inclusive.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1U;
    return lo + static_cast<std::int64_t>(next() % span);
  }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }

  bool chance(double probability) { return uniform() < probability; }

  template <class T>
  void shuffle(std::vector<T>& values) {
    for (std::size_t i = values.size(); i > 1; --i) {
      std::swap(values[i - 1], values[below(i)]);
    }
  }

 private:
  std::uint64_t state_;
};

// 0..n-1 in random order.
inline std::vector<std::size_t> shuffled_indices(std::size_t n, Rng& rng) {
  std::vector<std::size_t> indices(n);
  for (std::size_t i = 0; i < n; ++i) {
    indices[i] = i;
  }
  rng.shuffle(indices);
  return indices;
}

}  // namespace zoho_standin
