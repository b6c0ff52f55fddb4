#include <doctest/doctest.h>

#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/sync/state.hpp>

namespace sync = tshsync::sync;

TEST_SUITE_BEGIN("sync");

TEST_CASE("staging: text[] literals quote every element") {
  CHECK(sync::text_array_literal({}) == "{}");
  CHECK(sync::text_array_literal({"1", "2"}) == R"({"1","2"})");
  CHECK(sync::text_array_literal({R"(a"b\c)"}) == R"({"a\"b\\c"})");
}

TEST_CASE("listing position: survives a checkpoint round trip") {
  sync::ListingPosition position;
  position.since = sync::from_epoch_seconds(1760000000);
  position.page = 3;
  position.sorted = false;
  position.max_seen = sync::from_epoch_seconds(1760000100);
  const auto back = sync::ListingPosition::from_json(position.to_json());
  REQUIRE(back.has_value());
  CHECK(back->page == 3);
  CHECK_FALSE(back->sorted);
  CHECK(sync::epoch_seconds(*back->since) == 1760000000);
  CHECK(sync::epoch_seconds(*back->max_seen) == 1760000100);
  CHECK_FALSE(sync::ListingPosition::from_json(nlohmann::json::parse(R"({"page": "x"})")).has_value());
  const auto fresh = sync::ListingPosition::from_json(nlohmann::json::parse(R"({"page": 1})"));
  REQUIRE(fresh.has_value());
  CHECK_FALSE(fresh->since.has_value());
  CHECK(fresh->sorted);
}

TEST_SUITE_END();
