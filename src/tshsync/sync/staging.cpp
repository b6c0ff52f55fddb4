#include <tshsync/sync/staging.hpp>

namespace tshsync::sync {

void prepare_stage(pqxx::transaction_base& tx, const std::string& name, const std::string& columns_sql,
                   StageJoins joins) {
  // One round trip; the notice "already exists, skipping" is not wanted.
  std::string sql = "SET LOCAL client_min_messages = warning; ";
  if (joins == StageJoins::index_lookups)
    sql += "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; ";
  tx.exec(sql + "CREATE TEMP TABLE IF NOT EXISTS " + name + " (" + columns_sql + ") ON COMMIT DELETE ROWS");
}

std::string text_array_literal(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    literal += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

}  // namespace tshsync::sync
