#include <doctest/doctest.h>

#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/sync/state.hpp>

TEST_SUITE_BEGIN("sync");

TEST_CASE("staging: text[] literals quote every element") {
  CHECK(tshsync::sync::text_array_literal({}) == "{}");
  CHECK(tshsync::sync::text_array_literal({"1", "2"}) == R"({"1","2"})");
  CHECK(tshsync::sync::text_array_literal({R"(a"b\c)"}) == R"({"a\"b\\c"})");
}

TEST_CASE("listing position: survives a checkpoint round trip") {
  tshsync::sync::ListingPosition position;
  position.since = tshsync::sync::from_epoch_seconds(1760000000);
  position.page = 3;
  position.sorted = false;
  position.max_seen = tshsync::sync::from_epoch_seconds(1760000100);
  const auto back = tshsync::sync::ListingPosition::from_json(position.to_json());
  REQUIRE(back.has_value());
  CHECK(back->page == 3);
  CHECK_FALSE(back->sorted);
  CHECK(tshsync::sync::epoch_seconds(*back->since) == 1760000000);
  CHECK(tshsync::sync::epoch_seconds(*back->max_seen) == 1760000100);
  CHECK_FALSE(tshsync::sync::ListingPosition::from_json(nlohmann::json::parse(R"({"page": "x"})")).has_value());
  const auto fresh = tshsync::sync::ListingPosition::from_json(nlohmann::json::parse(R"({"page": 1})"));
  REQUIRE(fresh.has_value());
  CHECK_FALSE(fresh->since.has_value());
  CHECK(fresh->sorted);
}

TEST_SUITE_END();
