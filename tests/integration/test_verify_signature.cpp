#include <doctest/doctest.h>

#include <string>

#include <tshsync/util/hex.hpp>
#include <tshsync/webhooks/signature.hpp>
#include <tshsync/webhooks/signature_text.hpp>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

const std::string kVerifySecret = "verify-secret-0123456789";
// Bytes that a careless reader would change: CRLF, a trailing newline, UTF-8, a NUL.
const std::string kBody{"{\"invoice\": {\"invoice_id\": \"1\", \"note\": \"caf\xc3\xa9\"}}\r\n\0x\n", 54};

ProcessResult verify(const std::vector<std::string>& args, const std::string& body = kBody,
                     const Env& env = {{"ZOHO_WEBHOOK_SECRET", kVerifySecret}}) {
  std::vector<std::string> argv{"verify-signature", "--secret-env", "ZOHO_WEBHOOK_SECRET"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_tshsync_raw(argv, env, body);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST_SUITE("verify-signature") {
  TEST_CASE("the right signature is accepted, hex in either case or base64") {
    const std::string hex = tshsync::webhooks::sign_hex(kVerifySecret, kBody);
    const std::string base64 = tshsync::webhooks::to_base64(*tshsync::util::decode_hex(hex));
    for (const auto& [sig, encoding] :
         std::vector<std::pair<std::string, std::string>>{{hex, "hex"}, {upper(hex), "hex"}, {base64, "base64"}}) {
      auto r = verify({"--signature", sig});
      CHECK_MESSAGE(r.exit_code == 0, describe(r));
      const auto m = metrics_of(r);
      CHECK(m["valid"] == true);
      CHECK(m["encoding"] == encoding);
      CHECK(m["body_bytes"] == kBody.size());
      CHECK(m["command"] == "verify-signature");
    }
  }

  TEST_CASE("an independent vector: RFC 4231 test case 2") {
    auto r = run_tshsync_raw({"verify-signature", "--secret-env", "K", "--signature",
                              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
                             {{"K", "Jefe"}}, "what do ya want for nothing?");
    CHECK_MESSAGE(r.exit_code == 0, describe(r));
  }

  TEST_CASE("wrong, truncated and missing signatures are rejected") {
    const std::string hex = tshsync::webhooks::sign_hex(kVerifySecret, kBody);
    std::string wrong = hex;
    wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
    for (const std::string& sig :
         {wrong, hex.substr(0, 63), hex.substr(0, 40), std::string(""), std::string("sha256=")}) {
      auto r = verify({"--signature", sig});
      CHECK_MESSAGE(r.exit_code == 1, sig, describe(r));
      CHECK(metrics_of(r)["valid"] == false);
    }
    SUBCASE("the body changed by one byte") {
      auto r = verify({"--signature", hex}, kBody.substr(0, kBody.size() - 1));
      CHECK_MESSAGE(r.exit_code == 1, describe(r));
    }
    SUBCASE("another secret") {
      auto r = verify({"--signature", hex}, kBody, {{"ZOHO_WEBHOOK_SECRET", "another-secret-987654"}});
      CHECK_MESSAGE(r.exit_code == 1, describe(r));
    }
  }

  TEST_CASE("--header-file: the configured header, found case-insensitively") {
    TempDir dir;
    const std::string hex = tshsync::webhooks::sign_hex(kVerifySecret, kBody);
    dir.write("good.txt",
              "POST /api/zoho/sync-invoices HTTP/1.1\r\nHost: erp\r\nx-zoho-signature: " + hex + "\r\n\r\n");
    dir.write("none.txt", "POST /api/zoho/sync-invoices HTTP/1.1\r\nHost: erp\r\n\r\n");
    dir.write("custom.txt", "X-Custom-Sig: " + hex + "\n");
    dir.write("tshsync.toml", "[replay]\nsignature_header = \"X-Custom-Sig\"\n");

    auto good = verify({"--header-file", dir.file("good.txt")});
    CHECK_MESSAGE(good.exit_code == 0, describe(good));
    auto none = verify({"--header-file", dir.file("none.txt")});
    CHECK_MESSAGE(none.exit_code == 1, describe(none));
    CHECK(metrics_of(none)["encoding"] == "missing");
    auto custom = run_tshsync_raw(
        {"verify-signature", "--secret-env", "ZOHO_WEBHOOK_SECRET", "--header-file", dir.file("custom.txt")},
        {{"ZOHO_WEBHOOK_SECRET", kVerifySecret}, {"TSHSYNC_CONFIG", dir.file("tshsync.toml")}}, kBody);
    CHECK_MESSAGE(custom.exit_code == 0, describe(custom));
    auto flag = verify({"--header-file", dir.file("custom.txt"), "--header", "x-custom-sig"});
    CHECK_MESSAGE(flag.exit_code == 0, describe(flag));
    auto missing_file = verify({"--header-file", dir.file("nope.txt")});
    CHECK_MESSAGE(missing_file.exit_code == 64, describe(missing_file));
  }

  TEST_CASE("a missing secret is a configuration error, never a pass") {
    const std::string hex = tshsync::webhooks::sign_hex(kVerifySecret, kBody);
    auto unset = verify({"--signature", hex}, kBody, {});
    CHECK_MESSAGE(unset.exit_code == 78, describe(unset));
    CHECK(unset.err.find("ZOHO_WEBHOOK_SECRET") != std::string::npos);
    auto empty = verify({"--signature", hex}, kBody, {{"ZOHO_WEBHOOK_SECRET", ""}});
    CHECK_MESSAGE(empty.exit_code == 78, describe(empty));
  }

  TEST_CASE("exactly one of --signature and --header-file; the secret is never printed") {
    auto neither = verify({});
    CHECK_MESSAGE(neither.exit_code == 64, describe(neither));
    auto both = verify({"--signature", "x", "--header-file", "/dev/null"});
    CHECK_MESSAGE(both.exit_code == 64, describe(both));
    auto r = verify({"--signature", "wrong", "--verbose"});
    CHECK(r.out.find(kVerifySecret) == std::string::npos);
    CHECK(r.err.find(kVerifySecret) == std::string::npos);
  }
}
