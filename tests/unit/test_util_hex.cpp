#include <doctest/doctest.h>

#include <string>

#include <tshsync/util/hex.hpp>

using tshsync::util::decode_hex;
using tshsync::util::hex_value;
using tshsync::util::to_hex;

TEST_SUITE_BEGIN("util");

TEST_CASE("to_hex writes lower-case pairs and decode_hex reads them back") {
  const std::string bytes("\x00\x0f\xa5\xff", 4);
  CHECK(to_hex(bytes) == "000fa5ff");
  CHECK(to_hex("") == "");
  CHECK(decode_hex("000FA5ff") == bytes);
}

TEST_CASE("decode_hex refuses odd lengths, other characters and nothing") {
  CHECK_FALSE(decode_hex("abc").has_value());
  CHECK_FALSE(decode_hex("0g").has_value());
  CHECK_FALSE(decode_hex("").has_value());
}

TEST_CASE("hex_value") {
  CHECK(hex_value('0') == 0);
  CHECK(hex_value('9') == 9);
  CHECK(hex_value('a') == 10);
  CHECK(hex_value('F') == 15);
  CHECK(hex_value('g') == -1);
  CHECK(hex_value(' ') == -1);
}

TEST_SUITE_END();
