#include <doctest/doctest.h>

#include <sys/stat.h>

#include "robust_support.hpp"

using namespace tshsync::test;
using namespace tshsync::test::robust;
using nlohmann::json;

TEST_SUITE("robust-config") {
  TEST_CASE("durations and timeouts: zero, negative, huge or overflowing values are configuration errors") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    const char* bad[] = {
        "[zoho]\nlookback = 9223372036854775807\n",
        "[zoho]\nlookback = -600\n",
        "[zoho]\nlookback = \"0s\"\n",
        "[zoho]\nlookback = 0\n",
        "[zoho]\nrequest_timeout = 0\n",
        "[zoho]\nconnect_timeout = -1\n",
        "[zoho]\nrequest_timeout = \"99999d\"\n",
        "[database]\nlock_timeout = 0\n",
        "[database]\nstatement_timeout = \"0s\"\n",
        "[alerts]\ncooldown = -5\n",
        "[health]\nwindow = 0\n",
    };
    for (const char* toml : bad) {
      CAPTURE(toml);
      dir.write("tshsync.toml", toml);
      auto r = run_tshsync(db, {"validate"}, {{"TSHSYNC_CONFIG", dir.file("tshsync.toml")}}, "", 30);
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      CHECK(r.err.find("positive duration") != std::string::npos);
    }
    auto zero = run_tshsync(db, {"fix-stuck", "--older-than", "0s"});
    CHECK_MESSAGE(zero.exit_code == 64, describe(zero));
  }

  TEST_CASE("a config path that is a directory, a device or a FIFO is refused at once with 78") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    REQUIRE(::mkfifo(dir.file("fifo").c_str(), 0600) == 0);
    for (const std::string& path : {dir.path(), std::string("/dev/zero"), dir.file("fifo")}) {
      CAPTURE(path);
      auto r = run_tshsync(db, {"-c", path, "validate"}, {}, "", 30);
      CHECK_MESSAGE(r.exit_code == 78, describe(r));
      CHECK(r.err.find(path) != std::string::npos);
    }
    dir.write("big.toml", "# " + std::string(2 << 20, 'x') + "\n");
    auto big = run_tshsync(db, {"-c", dir.file("big.toml"), "validate"}, {}, "", 30);
    CHECK_MESSAGE(big.exit_code == 78, describe(big));
    CHECK(big.err.find("larger than") != std::string::npos);
  }

  TEST_CASE("a metrics jsonl_path that is a FIFO without a reader does not hold the run") {
    TestDatabase db;
    migrate(db);
    TempDir dir;
    REQUIRE(::mkfifo(dir.file("metrics.jsonl").c_str(), 0600) == 0);
    auto r = run_tshsync(db, {"validate"}, {{"TSHSYNC_METRICS_JSONL", dir.file("metrics.jsonl")}}, "", 30);
    CHECK_MESSAGE((r.exit_code == 0 || r.exit_code == 1), describe(r));
    CHECK(r.err.find("metrics.jsonl") != std::string::npos);
    CHECK(metrics_of(r).contains("exit_code"));
  }
}
