#include <doctest/doctest.h>

#include <tshsync/webhooks/raw_headers.hpp>

using tshsync::webhooks::find_header;

TEST_SUITE_BEGIN("webhooks");

TEST_CASE("find_header") {
  SUBCASE("case-insensitive name, trimmed value, CRLF") {
    const std::string raw =
        "POST http://erp.local:8000/api/zoho/sync-invoices HTTP/1.1\r\nHost: erp.local\r\n"
        "x-zoho-signature:   abc123  \r\nContent-Type: application/json\r\n\r\n{\"a\":1}";
    CHECK(find_header(raw, "X-Zoho-Signature") == "abc123");
    CHECK(find_header(raw, "content-type") == "application/json");
  }
  SUBCASE("curl -v prefixes and LF only") {
    CHECK(find_header("> POST /x HTTP/1.1\n> X-Zoho-Signature: deadbeef\n>\n", "x-zoho-signature") == "deadbeef");
  }
  SUBCASE("the body after the blank line is not headers") {
    CHECK_FALSE(find_header("Host: a\n\nX-Zoho-Signature: forged\n", "X-Zoho-Signature").has_value());
  }
  SUBCASE("absent, or only a prefix of another name") {
    CHECK_FALSE(find_header("X-Zoho-Signature-Version: 2\n", "X-Zoho-Signature").has_value());
    CHECK_FALSE(find_header("", "X-Zoho-Signature").has_value());
  }
  SUBCASE("an empty value is found as empty") { CHECK(find_header("X-Zoho-Signature:\n", "x-zoho-signature") == ""); }
}

TEST_SUITE_END();
