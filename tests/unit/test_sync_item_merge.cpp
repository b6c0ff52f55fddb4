#include <doctest/doctest.h>

#include <tshsync/sync/item_merge.hpp>

namespace tsync = tshsync::sync;
using nlohmann::json;

TEST_SUITE_BEGIN("sync");

TEST_CASE("prepare_items: one row per item id, the newest version wins; bad records counted with their ids") {
  const json page = json::parse(R"([
    {"item_id": "1", "name": "Old", "status": "active", "rate": 1, "last_modified_time": "2025-10-01T10:00:00+0300"},
    {"item_id": "2", "name": "Two", "status": "active", "rate": 2, "last_modified_time": "2025-10-01T10:00:00+0300"},
    {"item_id": "1", "name": "New", "status": "active", "rate": 1, "last_modified_time": "2025-10-02T10:00:00+0300"},
    {"item_id": "3", "name": "", "status": "active", "last_modified_time": "2025-10-02T10:00:00+0300"},
    {"name": "No id"}])");
  const tsync::PreparedItems prepared = tsync::prepare_items(page);
  REQUIRE(prepared.items.size() == 2);
  CHECK(prepared.items[0].item_id == "1");
  CHECK(prepared.items[0].name == "New");
  CHECK(prepared.items[1].item_id == "2");
  CHECK(prepared.counts.fetched == 5);
  CHECK(prepared.counts.failed == 2);
  CHECK(prepared.counts.failed_ids == std::vector<std::string>{"3"});
}

TEST_CASE("prepare_items: anything but an array is an empty page") {
  CHECK(tsync::prepare_items(json::object()).items.empty());
  CHECK(tsync::prepare_items(json()).counts.fetched == 0);
}

TEST_SUITE_END();
