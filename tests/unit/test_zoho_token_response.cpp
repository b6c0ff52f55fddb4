#include <doctest/doctest.h>

#include <string>

#include <tshsync/zoho/token_response.hpp>

using tshsync::zoho::check_token_response;
using tshsync::zoho::TokenVerdict;

TEST_SUITE_BEGIN("zoho");

TEST_CASE("token response: a minted token") {
  const auto answer = check_token_response(
      200,
      R"({"access_token":"1000.abc","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600})");
  CHECK(answer.verdict == TokenVerdict::minted);
  CHECK(answer.access_token == "1000.abc");
  CHECK(answer.api_domain == "https://www.zohoapis.eu");
  CHECK(answer.expires_in == std::chrono::seconds(3600));
  CHECK(answer.reason.find("1000.abc") == std::string::npos);
}

TEST_CASE("token response: lifetimes in the forms Zoho has used") {
  CHECK(check_token_response(200, R"({"access_token":"a","expires_in":"1800"})").expires_in.count() == 1800);
  // The old API gave milliseconds in expires_in and seconds in expires_in_sec.
  CHECK(check_token_response(200, R"({"access_token":"a","expires_in":3600000})").expires_in.count() == 3600);
  CHECK(check_token_response(200, R"({"access_token":"a","expires_in":3600000,"expires_in_sec":3600})")
            .expires_in.count() == 3600);
  CHECK(check_token_response(200, R"({"access_token":"a"})").expires_in.count() == 3600);
}

TEST_CASE("token response: the throttle answer, whatever its status and language") {
  const char* throttle =
      R"({"error_description":"Vous avez fait trop de demandes","error":"Access Denied","status":"failure"})";
  CHECK(check_token_response(400, throttle).verdict == TokenVerdict::throttled);
  CHECK(check_token_response(200, throttle).verdict == TokenVerdict::throttled);
  CHECK(check_token_response(429, R"({"error":"too_many_requests"})").verdict == TokenVerdict::throttled);
}

TEST_CASE("token response: refused credentials name Zoho's error key") {
  for (const char* error : {"invalid_client", "invalid_code", "invalid_client_secret", "unauthorized_client"}) {
    CAPTURE(error);
    const auto answer = check_token_response(400, std::string(R"({"error":")") + error + "\"}");
    CHECK(answer.verdict == TokenVerdict::refused);
    CHECK(answer.error == error);
  }
  CHECK(check_token_response(200, R"({"error":"invalid_code"})").verdict == TokenVerdict::refused);
  // The key goes into a message: odd characters are dropped.
  CHECK(check_token_response(400, R"({"error":"bad\nkey<script>"})").error == "badkeyscript");
}

TEST_CASE("token response: server trouble is retried, the rest fails") {
  CHECK(check_token_response(503, "<html>down</html>").verdict == TokenVerdict::retry);
  CHECK(check_token_response(500, R"({"error":"internal_error"})").verdict == TokenVerdict::retry);
  CHECK(check_token_response(200, R"({"access_token":"a)").verdict == TokenVerdict::retry);
  CHECK(check_token_response(200, R"({"token_type":"Bearer"})").verdict == TokenVerdict::fail);
  CHECK(check_token_response(400, "<html>bad</html>").verdict == TokenVerdict::fail);
}

TEST_SUITE_END();
