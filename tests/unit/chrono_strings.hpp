#pragma once

#include <chrono>
#include <string>

#include <doctest/doctest.h>

// Readable values in failed checks: "1500ms" rather than "{?}".
namespace doctest {
template <>
struct StringMaker<std::chrono::milliseconds> {
  static String convert(std::chrono::milliseconds value) { return (std::to_string(value.count()) + "ms").c_str(); }
};
}  // namespace doctest
