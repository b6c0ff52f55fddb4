#include <doctest/doctest.h>

#include <string>

#include <tshsync/core/error.hpp>
#include <tshsync/util/hex.hpp>
#include <tshsync/webhooks/signature.hpp>
#include <tshsync/webhooks/signature_text.hpp>

using namespace tshsync::webhooks;

TEST_SUITE_BEGIN("webhooks");

namespace {
// RFC 4231, test case 2.
const std::string kKey = "Jefe";
const std::string kData = "what do ya want for nothing?";
const std::string kHex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
const std::string kBase64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";
}  // namespace

TEST_CASE("sign_hex") {
  CHECK(sign_hex(kKey, kData) == kHex);
  SUBCASE("covers every byte, including a trailing newline") { CHECK(sign_hex(kKey, kData + "\n") != kHex); }
  SUBCASE("refuses an empty secret") { CHECK_THROWS_AS(sign_hex("", kData), tshsync::core::Error); }
}

TEST_CASE("verify_signature") {
  SUBCASE("hex, either case, with or without sha256=") {
    for (std::string sig : {kHex, std::string("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843"),
                            "sha256=" + kHex, " " + kHex + "\n"}) {
      const auto check = verify_signature(kKey, kData, sig);
      CHECK_MESSAGE(check.valid, sig);
      CHECK(check.encoding == SignatureEncoding::hex);
    }
  }
  SUBCASE("base64, standard or URL-safe, padded or not") {
    for (std::string sig :
         {kBase64, kBase64.substr(0, 43), std::string("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM")}) {
      const auto check = verify_signature(kKey, kData, sig);
      CHECK_MESSAGE(check.valid, sig);
      CHECK(check.encoding == SignatureEncoding::base64);
    }
  }
  SUBCASE("a wrong signature") {
    std::string wrong = kHex;
    wrong[10] = wrong[10] == '0' ? '1' : '0';
    const auto check = verify_signature(kKey, kData, wrong);
    CHECK_FALSE(check.valid);
    CHECK(check.encoding == SignatureEncoding::hex);
    CHECK_FALSE(verify_signature("another secret", kData, kHex).valid);
    CHECK_FALSE(verify_signature(kKey, kData + " ", kHex).valid);
  }
  SUBCASE("a truncated signature") {
    CHECK_FALSE(verify_signature(kKey, kData, kHex.substr(0, 63)).valid);
    CHECK_FALSE(verify_signature(kKey, kData, kHex.substr(0, 32)).valid);
    CHECK_FALSE(verify_signature(kKey, kData, kBase64.substr(0, 40)).valid);
    CHECK(verify_signature(kKey, kData, kHex.substr(0, 63)).encoding == SignatureEncoding::unrecognised);
  }
  SUBCASE("a missing signature") {
    const auto check = verify_signature(kKey, kData, "");
    CHECK_FALSE(check.valid);
    CHECK(check.encoding == SignatureEncoding::missing);
    CHECK_FALSE(verify_signature(kKey, kData, "   ").valid);
    CHECK_FALSE(verify_signature(kKey, kData, "sha256=").valid);
  }
  SUBCASE("garbage") { CHECK_FALSE(verify_signature(kKey, kData, "not a signature!").valid); }
  SUBCASE("no secret is an error, never a pass") {
    CHECK_THROWS_AS(verify_signature("", kData, kHex), tshsync::core::Error);
    CHECK_THROWS_AS(verify_signature("", kData, ""), tshsync::core::Error);
  }
}

TEST_CASE("decode_hex and decode_base64") {
  CHECK(tshsync::util::decode_hex("00ff10") == std::string("\x00\xff\x10", 3));
  CHECK(tshsync::util::decode_hex("0F") == std::string("\x0f", 1));
  CHECK_FALSE(tshsync::util::decode_hex("abc").has_value());
  CHECK_FALSE(tshsync::util::decode_hex("zz").has_value());
  CHECK_FALSE(tshsync::util::decode_hex("").has_value());
  CHECK(decode_base64("aGVsbG8=") == std::string("hello"));
  CHECK(decode_base64("aGVsbG8") == std::string("hello"));
  CHECK(decode_base64("-_8") == std::string("\xfb\xff", 2));
  CHECK_FALSE(decode_base64("a").has_value());
  CHECK_FALSE(decode_base64("aGV*bG8=").has_value());
  CHECK(to_base64("hello") == "aGVsbG8=");
  CHECK(to_base64(std::string("\xfb\xff", 2)) == "+/8=");
  CHECK(tshsync::util::to_hex(std::string("\x00\xab", 2)) == "00ab");
}

TEST_SUITE_END();
