#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <pqxx/pqxx>

#include <tshsync/db/text_array.hpp>

namespace tshsync::sync {

// One COPY field: text, or NULL when empty.
struct CopyValue {
  std::optional<std::string> text;

  CopyValue() = default;
  CopyValue(std::string value) : text(std::move(value)) {}                 // NOLINT: implicit on purpose
  CopyValue(const char* value) : text(value) {}                            // NOLINT
  CopyValue(std::optional<std::string> value) : text(std::move(value)) {}  // NOLINT
  CopyValue(bool value) : text(value ? "t" : "f") {}                       // NOLINT
};

}  // namespace tshsync::sync

namespace pqxx {
// Lets pqxx::stream_to write a CopyValue: escaped text, or \N.
template <>
struct string_traits<tshsync::sync::CopyValue> {
  static constexpr const char* name() noexcept { return "CopyValue"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const tshsync::sync::CopyValue& v) { return !v.text; }
  static tshsync::sync::CopyValue null() { return {}; }
  static void from_string(const char text[], tshsync::sync::CopyValue& v) { v.text = text; }
  static std::string to_string(const tshsync::sync::CopyValue& v) { return v.text.value_or(""); }
};
}  // namespace pqxx

namespace tshsync::sync {

// COPY ... FROM STDIN into a staging table: a page goes to PostgreSQL as one
// stream instead of one statement per row. Call complete() before running
// anything else on the transaction.
class StageWriter {
 public:
  StageWriter(pqxx::transaction_base& tx, const std::string& table, const std::vector<std::string>& columns)
      : stream_(tx, table, columns) {}

  template <typename... Values>
  void row(Values&&... values) {
    stream_ << std::make_tuple(CopyValue(std::forward<Values>(values))...);
    ++rows_;
  }
  size_t rows() const { return rows_; }
  void complete() { stream_.complete(); }

 private:
  pqxx::stream_to stream_;
  size_t rows_ = 0;
};

// Makes sure the session's temporary staging table `name` exists (created
// from `columns_sql`, a constant). Temporary tables are private to the
// connection and never WAL-logged. The statement that consumes a stage must
// delete its rows (a rolled-back transaction takes them anyway): the next
// batch, in the next transaction or under --dry-run in the same one, starts
// from an empty stage.
//
// With `index_lookups`, the rest of the transaction joins by nested loops
// over indexes: a page joins a few hundred staged rows to tables of 100,000s,
// and a stage without statistics made the planner hash (scan) the whole big
// table for every page, which grows quadratically over a full pull.
enum class StageJoins { planner_default, index_lookups };
void prepare_stage(pqxx::transaction_base& tx, const std::string& name, const std::string& columns_sql,
                   StageJoins joins = StageJoins::planner_default);

using db::text_array_literal;

}  // namespace tshsync::sync
