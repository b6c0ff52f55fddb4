#include <doctest/doctest.h>

#include <string>

#include <tshsync/zoho/envelope.hpp>

using tshsync::zoho::ApiVerdict;
using tshsync::zoho::check_api_response;

TEST_SUITE_BEGIN("zoho");

namespace {

ApiVerdict verdict_of(long status, const std::string& body) {
  return check_api_response(status, "application/json;charset=UTF-8", body).verdict;
}

// The bodies as public clients quote them from live Zoho (shared/docs/zoho-real-shapes.md).
const std::string kCode45 =
    R"({"code":45,"message":"The API call for this organization has exceeded the maximum call rate limit of 10,000"})";
const std::string kCode1070 =
    R"({"code":1070,"message":"You have exceeded the maximum number of in process requests allowed."})";
const std::string kCode14 =
    R"({"code":14,"message":"The request could not be authenticated as the authentication value you entered is invalid. Enter a valid authentication value and try again."})";

}  // namespace

TEST_CASE("throttle codes: 44, 45 and 1070 are throttling under any HTTP status") {
  for (const long status : {200L, 400L, 403L, 429L, 500L, 503L}) {
    CAPTURE(status);
    CHECK(verdict_of(status, R"({"code":44,"message":"too many requests"})") == ApiVerdict::rate_limited);
    CHECK(verdict_of(status, kCode45) == ApiVerdict::daily_limit);
    CHECK(verdict_of(status, kCode1070) == ApiVerdict::rate_limited);
  }
}

TEST_CASE("throttle codes: code 14 and 57 are authentication, whatever the status") {
  CHECK(verdict_of(401, kCode14) == ApiVerdict::unauthorized);
  CHECK(verdict_of(400, kCode14) == ApiVerdict::unauthorized);
  CHECK(verdict_of(401, R"({"code":57,"message":"You are not authorized to perform this operation"})") ==
        ApiVerdict::unauthorized);
}

TEST_SUITE_END();
