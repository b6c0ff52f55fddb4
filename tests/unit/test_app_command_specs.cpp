#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include <tshsync/app/command_specs.hpp>

using namespace tshsync;

TEST_SUITE("app command specs") {
  TEST_CASE("the table lists every command run_command runs once, in --help order") {
    std::vector<std::string> names;
    for (const auto& spec : app::specs::all()) names.push_back(spec.name);
    CHECK(names == std::vector<std::string>{"migrate", "pull-products", "pull-stock", "pull-prices", "fix-stuck",
                                            "backfill-prices", "validate", "archive-logs", "health", "replay-dlq"});
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  }

  TEST_CASE("every command takes its lock; none is a dry run until the command line says so") {
    for (const auto& spec : app::specs::all()) {
      CAPTURE(spec.name);
      CHECK(spec.writes);
      CHECK_FALSE(spec.dry_run);
    }
    CHECK(app::specs::pull_stock().dry_run_if(true).dry_run);
    CHECK_FALSE(app::specs::pull_stock().dry_run_if(false).dry_run);
  }

  TEST_CASE("the runs status and health report on keep a sync_logs row; the others do not") {
    const std::set<std::string> ledger{"pull-products",   "pull-stock",   "pull-prices",
                                       "backfill-prices", "archive-logs", "replay-dlq"};
    for (const auto& spec : app::specs::all()) {
      CAPTURE(spec.name);
      CHECK(spec.uses_ledger == (ledger.count(spec.name) == 1));
    }
  }

  TEST_CASE("only migrate runs on a database whose schema is not current") {
    for (const auto& spec : app::specs::all()) {
      CAPTURE(spec.name);
      CHECK(spec.needs_schema == (spec.name != "migrate"));
    }
  }

  TEST_CASE("a spec built by name starts with no lock, no ledger, the current schema required") {
    const app::CommandSpec spec = app::CommandSpec::named("x");
    CHECK(spec.name == "x");
    CHECK_FALSE(spec.writes);
    CHECK_FALSE(spec.uses_ledger);
    CHECK(spec.needs_schema);
    CHECK_FALSE(spec.dry_run);
  }
}
