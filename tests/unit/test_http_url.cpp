#include <doctest/doctest.h>

#include <string>

#include <tshsync/core/error.hpp>
#include <tshsync/http/url.hpp>

using tshsync::core::Error;
using tshsync::core::ExitCode;
using namespace tshsync::http;

TEST_SUITE_BEGIN("http");

namespace {

// The exit code require_safe_url throws with, or success when it accepts.
ExitCode safety_of(const std::string& url) {
  try {
    require_safe_url(url);
    return ExitCode::success;
  } catch (const Error& error) {
    return error.code();
  }
}

}  // namespace

TEST_CASE("parse_origin") {
  SUBCASE("explicit port") {
    const Origin origin = parse_origin("http://127.0.0.1:8080/path?x=1");
    CHECK(origin.scheme == "http");
    CHECK(origin.host == "127.0.0.1");
    CHECK(origin.port == 8080);
    CHECK(origin.to_string() == "http://127.0.0.1:8080");
  }
  SUBCASE("default port and lower case") {
    const Origin origin = parse_origin("HTTPS://WWW.ZohoApis.EU/books/v3/items");
    CHECK(origin.scheme == "https");
    CHECK(origin.host == "www.zohoapis.eu");
    CHECK(origin.port == 443);
  }
  SUBCASE("IPv6 keeps brackets") {
    const Origin origin = parse_origin("http://[::1]:1/");
    CHECK(origin.host == "[::1]");
    CHECK(origin.port == 1);
  }
  SUBCASE("malformed URLs are configuration errors") {
    CHECK_THROWS_AS(parse_origin("not a url"), Error);
    CHECK_THROWS_AS(parse_origin("http://host:99999/"), Error);
    CHECK_THROWS_AS(parse_origin(""), Error);
  }
}

TEST_CASE("is_loopback_host") {
  for (const char* host :
       {"127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]", "localhost", "LocalHost", "0:0:0:0:0:0:0:1"}) {
    CAPTURE(host);
    CHECK(is_loopback_host(host));
  }
  for (const char* host : {"128.0.0.1", "10.0.0.1", "0.0.0.0", "example.com", "127.0.0.1.evil.com",
                           "localhost.evil.com", "evil-localhost", "::2", "[::]", "", "127.0.0.256", "[::1"}) {
    CAPTURE(host);
    CHECK_FALSE(is_loopback_host(host));
  }
}

TEST_CASE("require_safe_url") {
  SUBCASE("plain http to loopback is allowed") {
    CHECK(safety_of("http://127.0.0.1:8080") == ExitCode::success);
    CHECK(safety_of("http://127.0.0.1:8080/books/v3/items?organization_id=1") == ExitCode::success);
    CHECK(safety_of("http://localhost") == ExitCode::success);
    CHECK(safety_of("http://localhost:9000/x") == ExitCode::success);
    CHECK(safety_of("http://[::1]:1") == ExitCode::success);
    CHECK(safety_of("http://127.1/") == ExitCode::success);  // libcurl normalises to 127.0.0.1
  }
  SUBCASE("https is allowed anywhere") {
    CHECK(safety_of("https://www.zohoapis.com/books/v3/items") == ExitCode::success);
    CHECK(safety_of("https://accounts.zoho.eu/oauth/v2/token") == ExitCode::success);
    CHECK(safety_of("https://127.0.0.1:8443/") == ExitCode::success);
  }
  SUBCASE("plain http elsewhere is refused with a clear message") {
    CHECK(safety_of("http://example.com") == ExitCode::config);
    CHECK(safety_of("http://10.0.0.5:8080/") == ExitCode::config);
    CHECK(safety_of("http://127.0.0.1.nip.io/") == ExitCode::config);
    CHECK(safety_of("http://localhost@example.com/") == ExitCode::config);
    try {
      require_safe_url("http://example.com/path?token=secret");
      FAIL("not refused");
    } catch (const Error& error) {
      const std::string message = error.what();
      CHECK(message.find("plain http is allowed only to loopback: http://example.com:80") != std::string::npos);
      CHECK(message.find("secret") == std::string::npos);
    }
  }
  SUBCASE("other schemes are refused") {
    CHECK(safety_of("ftp://127.0.0.1/file") == ExitCode::config);
    CHECK(safety_of("ftp://example.com/file") == ExitCode::config);
    CHECK(safety_of("file:///etc/passwd") == ExitCode::config);
    CHECK(safety_of("gopher://localhost/") == ExitCode::config);
  }
  SUBCASE("malformed URLs are refused") {
    CHECK(safety_of("") == ExitCode::config);
    CHECK(safety_of("https://") == ExitCode::config);
  }
}

TEST_CASE("url_encode") {
  CHECK(url_encode("") == "");
  CHECK(url_encode("AZaz09-._~") == "AZaz09-._~");
  CHECK(url_encode("a b&c=d/e?f") == "a%20b%26c%3Dd%2Fe%3Ff");
  CHECK(url_encode("2025-10-08T09:15:00+0000") == "2025-10-08T09%3A15%3A00%2B0000");
  CHECK(url_encode("\xC3\xA9") == "%C3%A9");  // UTF-8 bytes, upper-case hex
  CHECK(url_encode(std::string("a\0b", 3)) == "a%00b");
}

TEST_CASE("build_query") {
  CHECK(build_query({}) == "");
  CHECK(build_query({{"page", "2"}}) == "page=2");
  CHECK(build_query({{"organization_id", "123"}, {"per_page", "200"}, {"filter_by", "Status.All"}}) ==
        "organization_id=123&per_page=200&filter_by=Status.All");
  CHECK(build_query({{"q", "a b"}, {"k&", "="}}) == "q=a%20b&k%26=%3D");
  CHECK(build_query({{"empty", ""}}) == "empty=");
}

TEST_CASE("redact_url_query") {
  CHECK(redact_url_query("https://h/p") == "https://h/p");
  CHECK(redact_url_query("https://h/p?refresh_token=abc&client_secret=xyz") ==
        "https://h/p?refresh_token=***&client_secret=***");
  CHECK(redact_url_query("https://h/p?flag&a=") == "https://h/p?flag&a=***");
  CHECK(redact_url_query("https://h/p?a=1#frag") == "https://h/p?a=***");
  CHECK(redact_url_query("https://user:pass@h/p?a=1") == "https://***@h/p?a=***");
  CHECK(redact_url_query("https://h/p?") == "https://h/p?");
}

TEST_SUITE_END();
