#include <doctest/doctest.h>

#include <chrono>

#include <tshsync/alerts/alert.hpp>
#include <tshsync/alerts/cooldown.hpp>

using namespace tshsync;
using alerts::ChatAlert;

namespace {

ChatAlert failed_pull() {
  ChatAlert a;
  a.priority = core::Priority::p2;
  a.command = "pull-products";
  a.kind = "failed";
  a.subject = "69";
  a.summary = "failed";
  a.detail = "zoho unreachable after 6 attempts (exit 69)";
  return a;
}

}  // namespace

TEST_SUITE("alerts chat alert") {
  TEST_CASE("the text names priority, command, what happened and the host, on one line") {
    CHECK(alerts::alert_text(failed_pull(), "db1") ==
          "[P2] tshsync pull-products failed on db1: zoho unreachable after 6 attempts (exit 69)");
    ChatAlert bare = failed_pull();
    bare.detail.clear();
    CHECK(alerts::alert_text(bare, "db1") == "[P2] tshsync pull-products failed on db1");
    ChatAlert lines = failed_pull();
    lines.detail = "first\nsecond\tthird\r";
    CHECK(alerts::alert_text(lines, "h") == "[P2] tshsync pull-products failed on h: first second third ");
  }

  TEST_CASE("a long detail is cut to 400 bytes without splitting a UTF-8 character") {
    ChatAlert a = failed_pull();
    a.detail = std::string(396, 'x') + "\xd9\x85" + std::string(50, 'y');  // a two-byte Arabic letter at 396
    const std::string text = alerts::alert_text(a, "h");
    const std::string detail = text.substr(text.find(": ") + 2);
    CHECK(detail == std::string(396, 'x') + "...");
    a.detail = std::string(398, 'x') + "\xd9\x85" + "z";
    CHECK(alerts::alert_text(a, "h").substr(text.find(": ") + 2) == std::string(397, 'x') + "...");
  }

  TEST_CASE("the cool-down key tells command, kind and subject apart, not the wording") {
    CHECK(alerts::cooldown_key(failed_pull()) == "pull-products|failed|69");
    ChatAlert reworded = failed_pull();
    reworded.detail = "another message";
    reworded.priority = core::Priority::p1;
    CHECK(alerts::cooldown_key(reworded) == alerts::cooldown_key(failed_pull()));
    ChatAlert other_code = failed_pull();
    other_code.subject = "77";
    CHECK(alerts::cooldown_key(other_code) != alerts::cooldown_key(failed_pull()));
  }

  TEST_CASE("with no database to ask, the cool-down lets every alert through: a duplicate beats silence") {
    alerts::CooldownLedger ledger("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", std::chrono::hours(1));
    CHECK(ledger.claim("pull-products|failed|69", "text"));
    CHECK(ledger.claim("pull-products|failed|69", "text"));
    ledger.release("pull-products|failed|69");  // nothing to release, and no throw
  }
}
