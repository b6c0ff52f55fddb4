// The Prometheus textfile: counts, build info, and a last success that only
// real successes move (issue 11, items 2 and 6).
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include <tshsync/db/advisory_lock.hpp>

#include "support/tshsync_cli.hpp"

using namespace tshsync::test;

namespace {

struct Textfiles {
  TempDir dir;
  Textfiles() {
    std::filesystem::create_directory(dir.file("prom"));
    dir.write("c.toml", "[metrics]\ntextfile_dir = \"" + dir.file("prom") + "\"\n");
  }
  Env env() const { return {{"TSHSYNC_CONFIG", dir.file("c.toml")}}; }
  std::string prom(const std::string& name) const { return read_text(dir.file("prom/" + name)); }
  bool exists(const std::string& name) const { return std::filesystem::exists(dir.file("prom/" + name)); }
};

std::string last_success(const std::string& prom, const std::string& command) {
  const std::regex line("tshsync_last_success_timestamp_seconds\\{command=\"" + command + "\"\\} ([0-9.]+)");
  std::smatch m;
  return std::regex_search(prom, m, line) ? m[1].str() : "";
}

void promtool_accepts(const std::string& path) {
  if (std::system("command -v promtool >/dev/null 2>&1") != 0) return;
  auto check = run_process({"/bin/sh", "-c", "promtool check metrics < " + path});
  CHECK_MESSAGE(check.exit_code == 0, describe(check));
}

}  // namespace

TEST_SUITE("metrics textfile") {
  TEST_CASE("the .prom file carries the run's counts as gauges and tshsync_build_info") {
    TestDatabase db;
    migrate(db);
    db.exec(
        "INSERT INTO sync_logs (sync_type, status, created_at) VALUES ('pull-stock', 'in_progress', now() - interval "
        "'3 hours')");
    Textfiles t;
    auto r = run_tshsync(db, {"fix-stuck"}, t.env());
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const std::string prom = t.prom("tshsync_fix-stuck.prom");
    CHECK_MESSAGE(prom.find("tshsync_last_run_counts{command=\"fix-stuck\",count=\"fixed\"} 1\n") != std::string::npos,
                  prom);
    static const std::regex build(
        R"(tshsync_build_info\{version="[0-9.]+",revision="[0-9a-z]+",schema_version="[0-9]+"\} 1\n)");
    CHECK_MESSAGE(std::regex_search(prom, build), prom);
    CHECK(prom.find("# TYPE tshsync_last_run_counts gauge") != std::string::npos);
    promtool_accepts(t.dir.file("prom/tshsync_fix-stuck.prom"));
  }

  TEST_CASE("dry runs and verify-signature never move the last success") {
    TestDatabase db;
    migrate(db);
    Textfiles t;
    auto dry = run_tshsync(db, {"fix-stuck", "--dry-run"}, t.env());
    REQUIRE_MESSAGE(dry.exit_code == 0, describe(dry));
    CHECK(last_success(t.prom("tshsync_fix-stuck.prom"), "fix-stuck") == "0.000");
    auto real = run_tshsync(db, {"fix-stuck"}, t.env());
    REQUIRE_MESSAGE(real.exit_code == 0, describe(real));
    const std::string after_real = last_success(t.prom("tshsync_fix-stuck.prom"), "fix-stuck");
    CHECK(after_real != "0.000");
    auto dry_again = run_tshsync(db, {"fix-stuck", "--dry-run"}, t.env());
    REQUIRE(dry_again.exit_code == 0);
    CHECK(last_success(t.prom("tshsync_fix-stuck.prom"), "fix-stuck") == after_real);

    Env env = t.env();
    env["K"] = "Jefe";  // RFC 4231 test case 2
    auto sig = run_tshsync(db,
                           {"verify-signature", "--secret-env", "K", "--signature",
                            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
                           env, "what do ya want for nothing?");
    REQUIRE_MESSAGE(sig.exit_code == 0, describe(sig));
    CHECK(last_success(t.prom("tshsync_verify-signature.prom"), "verify-signature") == "0.000");
  }

  TEST_CASE("a lock skip leaves the run's file alone and has its own gauge") {
    TestDatabase db;
    migrate(db);
    Textfiles t;
    auto ok = run_tshsync(db, {"fix-stuck"}, t.env());
    REQUIRE_MESSAGE(ok.exit_code == 0, describe(ok));
    const std::string before = t.prom("tshsync_fix-stuck.prom");
    CHECK_FALSE(t.exists("tshsync_fix-stuck_skipped.prom"));
    pqxx::connection holder(db.dsn());
    const auto key = tshsync::db::lock_key_for("fix-stuck");
    pqxx::nontransaction(holder).exec_params("SELECT pg_advisory_lock($1, $2)", key.classid, key.objid);
    auto skipped = run_tshsync(db, {"fix-stuck"}, t.env());
    REQUIRE_MESSAGE(skipped.exit_code == 75, describe(skipped));
    CHECK(t.prom("tshsync_fix-stuck.prom") == before);
    REQUIRE(t.exists("tshsync_fix-stuck_skipped.prom"));
    const std::string skip = t.prom("tshsync_fix-stuck_skipped.prom");
    CHECK(skip.find("tshsync_last_skipped_timestamp_seconds{command=\"fix-stuck\"} ") != std::string::npos);
    promtool_accepts(t.dir.file("prom/tshsync_fix-stuck_skipped.prom"));
  }

  TEST_CASE("--version names the version, git revision, schema version and libraries") {
    auto r = run_tshsync_raw({"--version"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    static const std::regex first(R"(^tshsync [0-9]+\.[0-9]+\.[0-9]+ \(revision [0-9a-z]+, schema version [0-9]+\)\n)");
    CHECK_MESSAGE(std::regex_search(r.out, first), r.out);
    for (const char* library :
         {"libpqxx 6.", "libpq ", "libcurl ", "OpenSSL", "fmt ", "nlohmann/json ", "toml++ ", "CLI11 "})
      CHECK_MESSAGE(r.out.find(library) != std::string::npos, library);
  }
}
