#include <doctest/doctest.h>

#include <csignal>
#include <string>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/core/error.hpp>

using tshsync::core::CancelToken;

TEST_SUITE_BEGIN("core");

namespace {

// The exit code and message throw_if_requested ends the run with.
std::pair<int, std::string> ending_of(const CancelToken& token) {
  try {
    token.throw_if_requested();
  } catch (const tshsync::core::Error& e) {
    return {static_cast<int>(e.code()), e.what()};
  }
  return {0, ""};
}

}  // namespace

TEST_CASE("a token nobody raised ends nothing") {
  const CancelToken token;
  CHECK_FALSE(token.requested());
  CHECK_NOTHROW(token.throw_if_requested());
}

TEST_CASE("a raised token ends the run with 128 + the signal") {
  CancelToken token;
  SUBCASE("SIGTERM") {
    token.request(SIGTERM);
    CHECK(ending_of(token) == std::pair<int, std::string>{143, "interrupted by SIGTERM"});
  }
  SUBCASE("SIGINT") {
    token.request(SIGINT);
    CHECK(ending_of(token) == std::pair<int, std::string>{130, "interrupted by SIGINT"});
  }
  SUBCASE("SIGHUP ends as SIGTERM does, under its own name") {
    token.request(SIGHUP);
    CHECK(ending_of(token) == std::pair<int, std::string>{143, "interrupted by SIGHUP"});
  }
  SUBCASE("raised without a signal") {
    token.request();
    CHECK(ending_of(token) == std::pair<int, std::string>{143, "interrupted by SIGTERM"});
  }
  CHECK(token.requested());
}

TEST_SUITE_END();
