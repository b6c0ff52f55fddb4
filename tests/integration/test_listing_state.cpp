#include <doctest/doctest.h>

#include <tshsync/sync/listing_state.hpp>
#include <tshsync/sync/state.hpp>

#include "support/test_db.hpp"
#include "support/tshsync_cli.hpp"

using namespace tshsync::test;
namespace tsync = tshsync::sync;
using nlohmann::json;

namespace {

const char* const kName = "pull-test";

tsync::ListingStart start(TestDatabase& db, const tsync::ListingOptions& options) {
  pqxx::work tx(db.conn());
  tsync::ListingStart started = tsync::start_listing(tx, kName, options);
  tx.commit();
  return started;
}

void save(TestDatabase& db, const tsync::ListingStart& started, const tsync::ListingOptions& options,
          const tsync::ListingStep& step) {
  pqxx::work tx(db.conn());
  tsync::save_listing_progress(tx, started, options, step);
  tx.commit();
}

void set_state(TestDatabase& db, const std::string& key, const json& value) {
  pqxx::work tx(db.conn());
  tx.exec_params(
      "INSERT INTO tshsync_state (key, value) VALUES ($1, $2::jsonb) "
      "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      key, value.dump());
  tx.commit();
}

std::string cursor(TestDatabase& db) {
  return db.text(std::string("SELECT value #>> '{}' FROM tshsync_state WHERE key = '") + kName + ".cursor'");
}

json checkpoint_at(const tsync::ListingStart& started, int page) {
  tsync::ListingPosition position;
  position.page = page;
  return {{"started_at_us", tsync::epoch_micros(started.run_started)}, {"position", position.to_json()}};
}

}  // namespace

TEST_SUITE("listing-state") {
  TEST_CASE("incremental: no cursor reads from the start; a cursor less the lookback; one in the future moves back") {
    TestDatabase db;
    migrate(db);
    tsync::ListingOptions options;
    options.lookback = std::chrono::seconds(600);
    const auto first = start(db, options);
    CHECK(first.from_start);
    CHECK_FALSE(first.position.since.has_value());
    CHECK(first.page_cap == 1000);

    set_state(db, std::string(kName) + ".cursor", "2025-10-01T10:00:00+0000");
    const auto second = start(db, options);
    CHECK_FALSE(second.from_start);
    REQUIRE(second.position.since.has_value());
    CHECK(tsync::epoch_seconds(*second.position.since) ==
          tsync::epoch_seconds(*tshsync::util::parse_zoho_timestamp("2025-10-01T10:00:00+0000")) - 600);

    set_state(db, std::string(kName) + ".cursor", "2031-01-01T00:00:00+0000");
    const auto future = start(db, options);
    REQUIRE(future.position.since.has_value());
    CHECK(*future.position.since < future.run_started);
    CHECK(db.count(std::string("SELECT count(*) FROM tshsync_state WHERE key = '") + kName +
                   ".cursor' AND (value #>> '{}')::timestamptz <= now()") == 1);
  }

  TEST_CASE("the cursor moves forward only, never past the run's start, and not under --dry-run") {
    TestDatabase db;
    migrate(db);
    tsync::ListingOptions options;
    const auto started = start(db, options);
    const auto at = [](const char* text) { return *tshsync::util::parse_zoho_timestamp(text); };
    save(db, started, options, {{}, at("2025-10-02T00:00:00+0000"), false});
    CHECK(cursor(db) == "2025-10-02T00:00:00+0000");
    save(db, started, options, {{}, at("2025-10-01T00:00:00+0000"), false});
    CHECK(cursor(db) == "2025-10-02T00:00:00+0000");
    save(db, started, options, {{}, at("2031-01-01T00:00:00+0000"), true});
    CHECK(cursor(db) == tshsync::util::format_zoho_timestamp(started.run_started));

    tsync::ListingOptions dry = options;
    dry.dry_run = true;
    db.exec(std::string("DELETE FROM tshsync_state WHERE key = '") + kName + ".cursor'");
    save(db, started, dry, {{}, at("2025-10-02T00:00:00+0000"), true});
    CHECK(cursor(db).empty());
  }

  TEST_CASE("--full: a checkpoint resumes until the listing completes; a day-old one starts over; --dry-run neither") {
    TestDatabase db;
    migrate(db);
    tsync::ListingOptions full;
    full.full = true;
    const auto fresh = start(db, full);
    CHECK(fresh.new_full);
    CHECK_FALSE(fresh.resumed);

    tsync::ListingPosition page3;
    page3.page = 3;
    save(db, fresh, full, {page3, std::nullopt, false});
    const auto resumed = start(db, full);
    CHECK(resumed.resumed);
    CHECK_FALSE(resumed.new_full);
    CHECK(resumed.position.page == 3);
    CHECK(tsync::epoch_micros(resumed.full_started) == tsync::epoch_micros(fresh.run_started));

    tsync::ListingOptions dry = full;
    dry.dry_run = true;
    const auto looking = start(db, dry);
    CHECK_FALSE(looking.resumed);
    CHECK_FALSE(looking.new_full);
    CHECK(looking.position.page == 1);

    save(db, resumed, full, {page3, std::nullopt, true});  // the last batch: the checkpoint goes
    CHECK(db.count(std::string("SELECT count(*) FROM tshsync_state WHERE key = '") + kName + ".full'") == 0);

    json old = checkpoint_at(fresh, 5);
    old["started_at_us"] = tsync::epoch_micros(fresh.run_started - std::chrono::hours(25));
    set_state(db, std::string(kName) + ".full", old);
    const auto over = start(db, full);
    CHECK_FALSE(over.resumed);
    CHECK(over.new_full);
    CHECK(over.position.page == 1);
  }

  TEST_CASE("a server known to refuse the sort is walked by page number; the page cap grows with the catalog") {
    TestDatabase db;
    migrate(db);
    set_state(db, std::string("strategy.") + kName, {{"filter", true}, {"sort", false}, {"checked_at", ""}});
    db.exec("INSERT INTO products (name, zoho_item_id) SELECT 'p' || i, i::text FROM generate_series(1, 1001) i");
    tsync::ListingOptions options;
    options.max_list_pages = 3;
    const auto started = start(db, options);
    CHECK_FALSE(started.position.sorted);
    CHECK(started.known.sort == false);
    CHECK(started.page_cap == 12);  // twice the 6 pages 1,001 items need
  }
}
