// What stderr looks like where no person watches it (issue 11, item 7).
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_SUITE("logging") {
  TEST_CASE("stderr that is not a terminal gets a UTC timestamp and a level on every line") {
    TestDatabase db;
    auto r = run_tshsync(db, {"migrate"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto all = lines(r.err);
    REQUIRE(!all.empty());
    static const std::regex shape(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ tshsync: (error|warning|notice|info): .+)");
    for (const auto& line : all) CHECK_MESSAGE(std::regex_match(line, shape), line);

    auto failed = run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x", "migrate"});
    REQUIRE(failed.exit_code == 69);
    static const std::regex error_line(R"(^\S+Z tshsync: error: cannot connect to PostgreSQL.*\n$)");
    CHECK_MESSAGE(std::regex_match(failed.err, error_line), failed.err);
  }

  TEST_CASE("under systemd (JOURNAL_STREAM set) lines carry journald priority prefixes instead") {
    TestDatabase db;
    auto ok = run_tshsync(db, {"migrate"}, {{"JOURNAL_STREAM", "8:12345"}});
    REQUIRE_MESSAGE(ok.exit_code == 0, describe(ok));
    for (const auto& line : lines(ok.err)) CHECK_MESSAGE(line.rfind("<6>tshsync: info: ", 0) == 0, line);
    auto failed =
        run_tshsync_raw({"--dsn", "host=127.0.0.1 port=1 dbname=x", "migrate"}, {{"JOURNAL_STREAM", "8:12345"}});
    CHECK(failed.exit_code == 69);
    CHECK_MESSAGE(failed.err.rfind("<3>tshsync: error: cannot connect", 0) == 0, failed.err);
  }

  TEST_CASE("-q with -v is a usage error") {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"-q", "-v", "migrate"}, {"--verbose", "--quiet", "migrate"}}) {
      auto r = run_tshsync_raw(args);
      CHECK_MESSAGE(r.exit_code == 64, describe(r));
      CHECK(metrics_of(r)["exit_code"] == 64);
    }
  }
}
