#include <doctest/doctest.h>

#include <string>

#include <tshsync/util/redact.hpp>
#include <tshsync/zoho/envelope.hpp>

using tshsync::zoho::ApiVerdict;
using tshsync::zoho::check_api_response;

TEST_SUITE_BEGIN("zoho");

namespace {

const std::string kJson = "application/json;charset=UTF-8";

ApiVerdict verdict(long status, const std::string& body, const std::string& type = kJson) {
  return check_api_response(status, type, body).verdict;
}

}  // namespace

TEST_CASE("envelope: code 0 is success, with the parsed body") {
  const auto answer = check_api_response(200, kJson, R"({"code":0,"message":"success","items":[{"item_id":"1"}]})");
  CHECK(answer.verdict == ApiVerdict::ok);
  CHECK(answer.body["items"].size() == 1);
  CHECK(answer.code == 0L);
}

TEST_CASE("envelope: a code other than 0 is an error even with HTTP 200") {
  CHECK(verdict(200, R"({"code":1000,"message":"Internal Server Error"})") == ApiVerdict::retry);
  CHECK(verdict(200, R"({"code":57,"message":"not authorized"})") == ApiVerdict::unauthorized);
  CHECK(verdict(200, R"({"code":1002,"message":"Item does not exist."})") == ApiVerdict::not_found);
  CHECK(verdict(200, R"({"code":2,"message":"Invalid value"})") == ApiVerdict::fail);
  CHECK(verdict(200, R"({"message":"no code at all"})") == ApiVerdict::fail);
}

TEST_CASE("envelope: statuses") {
  CHECK(verdict(401, R"({"code":57,"message":"You are not authorized"})") == ApiVerdict::unauthorized);
  CHECK(verdict(401, "") == ApiVerdict::unauthorized);
  CHECK(verdict(429, R"({"code":44,"message":"too many"})") == ApiVerdict::rate_limited);
  CHECK(verdict(429, R"({"code":45,"message":"daily"})") == ApiVerdict::daily_limit);
  CHECK(verdict(429, "") == ApiVerdict::rate_limited);
  CHECK(verdict(404, R"({"code":1002,"message":"does not exist"})") == ApiVerdict::not_found);
  // A wrong path is a bug, not a missing record.
  CHECK(verdict(404, R"({"code":5,"message":"Invalid URL Passed"})") == ApiVerdict::fail);
  CHECK(verdict(500, R"({"code":1000,"message":"Internal error"})") == ApiVerdict::retry);
  CHECK(verdict(503, "") == ApiVerdict::retry);
  CHECK(verdict(408, "") == ApiVerdict::retry);
  CHECK(verdict(501, "") == ApiVerdict::fail);
  CHECK(verdict(400, R"({"code":2,"message":"Invalid value passed for filter_by"})") == ApiVerdict::fail);
}

TEST_CASE("envelope: bodies that are not whole JSON are retried, never a crash") {
  CHECK(verdict(200, R"({"code":0,"items":[{ <<garbage>> ]]]}oops)") == ApiVerdict::retry);
  CHECK(verdict(200, R"({"code":0,"items":[{"item_id":"1","na)") == ApiVerdict::retry);
  CHECK(verdict(200, "") == ApiVerdict::retry);
  CHECK(verdict(200, "[1,2]") == ApiVerdict::retry);
  CHECK(verdict(200, "<html><body>maintenance</body></html>", "text/html") == ApiVerdict::retry);
  CHECK(verdict(502, "<html>502 Bad Gateway</html>", "text/html") == ApiVerdict::retry);
  CHECK(check_api_response(200, kJson, R"({"code":0,"items":[1,)").reason == "HTTP 200 with truncated JSON");
  CHECK(check_api_response(200, kJson, R"({"code":0,"items":[1,}}}}}})").reason == "HTTP 200 with invalid JSON");
  CHECK(check_api_response(502, "text/html", "<html/>").reason == "HTTP 502 with an HTML page");
}

TEST_CASE("envelope: reasons carry Zoho's message on one line, secrets hidden") {
  tshsync::util::register_secret("tok-3f9a81-secret");
  const auto answer =
      check_api_response(400, kJson, R"({"code":2,"message":"Invalid token tok-3f9a81-secret\nsecond line"})");
  CHECK(answer.reason == "HTTP 400 code 2 (Invalid token *** second line)");
  const auto long_message = check_api_response(400, kJson, R"({"code":2,"message":")" + std::string(500, 'x') + "\"}");
  CHECK(long_message.reason.size() < 240);
}

TEST_SUITE_END();
