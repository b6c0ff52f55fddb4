#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include <tshsync/db/record_isolation.hpp>

namespace db = tshsync::db;

TEST_SUITE_BEGIN("db");

namespace {

// A stand-in for the database: refuses any range holding a bad record, and
// keeps the records of the ranges it accepts.
struct FakeTable {
  std::set<size_t> bad;
  std::vector<size_t> written;
  int tries = 0;
  std::vector<std::pair<size_t, std::string>> rejected;

  void write(size_t count) {
    db::bisect_rejections(
        count,
        [this](size_t begin, size_t end) -> std::optional<std::string> {
          ++tries;
          for (size_t i = begin; i < end; ++i)
            if (bad.count(i)) return "record " + std::to_string(i) + " violates a constraint";
          for (size_t i = begin; i < end; ++i) written.push_back(i);
          return std::nullopt;
        },
        [this](size_t index, const std::string& reason) { rejected.emplace_back(index, reason); });
  }
};

}  // namespace

TEST_CASE("record isolation: a clean batch costs one try") {
  FakeTable table;
  table.write(100);
  CHECK(table.tries == 1);
  CHECK(table.written.size() == 100);
  CHECK(table.rejected.empty());
}

TEST_CASE("record isolation: the refused records stand alone, the rest are written") {
  FakeTable table;
  table.bad = {3, 7};
  table.write(10);
  REQUIRE(table.rejected.size() == 2);
  CHECK(table.rejected[0] == std::make_pair(size_t{3}, std::string("record 3 violates a constraint")));
  CHECK(table.rejected[1] == std::make_pair(size_t{7}, std::string("record 7 violates a constraint")));
  CHECK(table.written == std::vector<size_t>{0, 1, 2, 4, 5, 6, 8, 9});
  // About 2 log2(n) tries per refused record, far fewer than one per record.
  CHECK(table.tries <= 2 * 2 * 4 + 1);
}

TEST_CASE("record isolation: every record refused, or none to write") {
  FakeTable all_bad;
  all_bad.bad = {0, 1, 2};
  all_bad.write(3);
  CHECK(all_bad.rejected.size() == 3);
  CHECK(all_bad.written.empty());

  FakeTable empty;
  empty.write(0);
  CHECK(empty.tries == 0);
}

TEST_CASE("record rejections are the value errors, not broken statements or connections") {
  CHECK(db::is_record_rejection(pqxx::sql_error("duplicate key", "INSERT", "23505")));
  CHECK(db::is_record_rejection(pqxx::sql_error("null value", "INSERT", "23502")));
  CHECK(db::is_record_rejection(pqxx::sql_error("value too long", "INSERT", "22001")));
  CHECK(db::is_record_rejection(pqxx::sql_error("numeric field overflow", "INSERT", "22003")));
  CHECK_FALSE(db::is_record_rejection(pqxx::sql_error("deadlock detected", "UPDATE", "40P01")));
  CHECK_FALSE(db::is_record_rejection(pqxx::sql_error("relation does not exist", "INSERT", "42P01")));
  CHECK_FALSE(db::is_record_rejection(pqxx::sql_error("no state")));
}

TEST_CASE("rejection_reason keeps the server's first line without its ERROR: prefix") {
  CHECK(db::rejection_reason(pqxx::sql_error(
            "ERROR:  duplicate key value violates unique constraint \"products_sku_key\"\n"
            "DETAIL:  Key (sku)=(TSH-1) already exists.\n",
            "INSERT", "23505")) == "duplicate key value violates unique constraint \"products_sku_key\"");
  CHECK(db::rejection_reason(pqxx::sql_error("ERROR: value too long", "INSERT", "22001")) == "value too long");
  CHECK(db::rejection_reason(pqxx::sql_error("no prefix here", "INSERT", "23514")) == "no prefix here");
}

TEST_SUITE_END();
