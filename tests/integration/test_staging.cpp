#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <tshsync/sync/staging.hpp>

#include "support/test_db.hpp"

using namespace tshsync::test;
namespace tsync = tshsync::sync;

namespace {

const char* const kStage = "tshsync_stage_test";

// One batch as the merges do it: stage `rows` rows, consume them (the
// consuming statement deletes them), commit. Returns what the merge saw.
long long stage_and_consume(pqxx::connection& conn, int first, int rows) {
  pqxx::work tx(conn);
  tsync::prepare_stage(tx, kStage, "id text, note text");
  tsync::StageWriter writer(tx, kStage, {"id", "note"});
  for (int i = first; i < first + rows; ++i) writer.row(std::to_string(i), std::string(120, 'x'));
  writer.complete();
  const auto seen = tx.exec(std::string("WITH cleared AS (DELETE FROM pg_temp.") + kStage +
                            " RETURNING 1) SELECT count(*) FROM cleared")[0][0]
                        .as<long long>();
  tx.commit();
  return seen;
}

long long stage_bytes(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  return tx.exec(std::string("SELECT pg_relation_size('pg_temp.") + kStage + "')")[0][0].as<long long>();
}

}  // namespace

TEST_SUITE("staging") {
  TEST_CASE("each batch sees only its own rows, and the consumed rows' space is reclaimed past a bound") {
    TestDatabase db;
    long long largest = 0;
    // 60 batches of 500 rows of ~150 bytes: about 4.5 MB staged in all.
    for (int batch = 0; batch < 60; ++batch) {
      CHECK(stage_and_consume(db.conn(), batch * 500, 500) == 500);
      largest = std::max(largest, stage_bytes(db.conn()));
    }
    CHECK(largest > 0);
    // Never more than the bound (1 MiB) plus the one batch staged after the check.
    CHECK(largest < (1 << 20) + 200 * 1024);
  }

  TEST_CASE("a rolled-back batch leaves nothing for the next one") {
    TestDatabase db;
    {
      pqxx::work tx(db.conn());
      tsync::prepare_stage(tx, kStage, "id text, note text");
      tsync::StageWriter writer(tx, kStage, {"id", "note"});
      writer.row("orphan", "never consumed");
      writer.complete();
      // destroyed without commit: rolled back
    }
    CHECK(stage_and_consume(db.conn(), 0, 3) == 3);
  }
}
