#include <doctest/doctest.h>

#include <tshsync/util/ascii.hpp>

using tshsync::util::ascii_lower;
using tshsync::util::trim_space;

TEST_SUITE("util_ascii") {
  TEST_CASE("ascii_lower changes ASCII letters only") {
    CHECK(ascii_lower("Content-Type") == "content-type");
    CHECK(ascii_lower("HTTPS") == "https");
    CHECK(ascii_lower("Item.UPDATE_2") == "item.update_2");
    // UTF-8 bytes (an Arabic location name) pass through untouched.
    CHECK(ascii_lower("\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf A") == "\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf a");
    CHECK(ascii_lower("").empty());
  }

  TEST_CASE("trim_space strips whitespace at both ends only") {
    CHECK(trim_space("  sha256=ab \r\n") == "sha256=ab");
    CHECK(trim_space("\ta b\t") == "a b");
    CHECK(trim_space(" \t\r\n").empty());
    CHECK(trim_space("").empty());
    CHECK(trim_space("x") == "x");
  }
}
