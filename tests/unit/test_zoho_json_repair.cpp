#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <tshsync/zoho/item.hpp>
#include <tshsync/zoho/json_repair.hpp>
#include <tshsync/zoho/record_text.hpp>

namespace zoho = tshsync::zoho;
using nlohmann::json;

namespace {

// The reason the one bad record of `body` is refused with.
std::string refusal(const std::string& body) {
  const json parsed = json::parse(zoho::repair_json_text(body));
  try {
    zoho::check_record_text(parsed["items"][0], "1");
    for (const char* key : {"rate"}) (void)zoho::decimal_field(parsed["items"][0], key, "1");
  } catch (const zoho::RecordError& e) {
    return e.reason();
  }
  return "";
}

}  // namespace

TEST_SUITE("zoho/json_repair") {
  TEST_CASE("valid JSON comes back unchanged") {
    const std::string body = R"({"items":[{"name":"ok \ud83d\ude00 \u00e9 \"q\"","rate":1.5e3,"n":-12}]})";
    CHECK(zoho::repair_json_text(body) == body);
  }

  TEST_CASE("what JSON or PostgreSQL cannot hold is marked, so only its record is refused") {
    CHECK(refusal(R"({"items":[{"name":"a\u0000b"}]})").find("name holds a NUL") != std::string::npos);
    CHECK(refusal(R"({"items":[{"name":"a\ud800b"}]})").find("lone UTF-16 surrogate") != std::string::npos);
    CHECK(refusal(R"({"items":[{"name":"a\udc00b"}]})").find("lone UTF-16 surrogate") != std::string::npos);
    CHECK(refusal("{\"items\":[{\"name\":\"a\xff\xfe"
                  "b\"}]}")
              .find("not UTF-8") != std::string::npos);
    CHECK(refusal("{\"items\":[{\"name\":\"a\xc0\xaf\"}]}").find("not UTF-8") != std::string::npos);  // overlong
    CHECK(refusal("{\"items\":[{\"name\":\"a\x01\"}]}").empty());  // a raw control byte is escaped, not refused
    CHECK(refusal(R"({"items":[{"rate":1e400}]})").find("rate 1e400 is out of range") != std::string::npos);
    CHECK(refusal(R"({"items":[{"rate":-1e400}]})").find("out of range") != std::string::npos);
    CHECK(refusal(R"({"items":[{"rate":1e308}]})").find("out of range") != std::string::npos);
    CHECK(refusal(R"({"items":[{"rate":999999999999.99}]})").empty());
  }
}
