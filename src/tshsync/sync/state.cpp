#include <tshsync/sync/state.hpp>

#include <pqxx/pqxx>

namespace tshsync::sync {

std::optional<nlohmann::json> read_state(pqxx::transaction_base& tx, const std::string& key) {
  const auto rows = tx.exec_params("SELECT value::text FROM tshsync_state WHERE key = $1", key);
  if (rows.empty()) return std::nullopt;
  try {
    return nlohmann::json::parse(rows[0][0].as<std::string>());
  } catch (const nlohmann::json::parse_error&) {
    return std::nullopt;  // unreadable state is treated as absent: the pull starts over
  }
}

void delete_state(pqxx::transaction_base& tx, const std::string& key) {
  tx.exec_params("DELETE FROM tshsync_state WHERE key = $1", key);
}

std::optional<util::SystemTime> read_cursor(pqxx::transaction_base& tx, const std::string& key) {
  const auto value = read_state(tx, key);
  if (!value || !value->is_string()) return std::nullopt;
  return util::parse_zoho_timestamp(value->get<std::string>());
}

void save_progress(pqxx::transaction_base& tx, const SavedProgress& progress) {
  if (!progress.checkpoint && !progress.cursor) return;
  // Cursors are fixed-width UTC text, so text order is time order; a cursor
  // in any other shape is replaced. Absent parts are NULL rows, filtered out.
  const std::string checkpoint = progress.checkpoint ? progress.checkpoint->dump() : "";
  const std::string cursor = progress.cursor ? util::format_zoho_timestamp(*progress.cursor) : "";
  // Prepared once per connection: a pull saves its progress after every page.
  tx.conn().prepare(
      "tshsync_save_progress",
      "INSERT INTO tshsync_state AS s (key, value) "
      "SELECT key, value FROM (VALUES ($1::text, $2::jsonb), ($3::text, to_jsonb($4::text))) AS v(key, value) "
      "WHERE v.value IS NOT NULL "
      "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now() "
      "WHERE CASE WHEN EXCLUDED.key = $3 "
      "  THEN coalesce(s.value #>> '{}', '') !~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000$' "
      "       OR s.value #>> '{}' < EXCLUDED.value #>> '{}' "
      "  ELSE s.value IS DISTINCT FROM EXCLUDED.value END");
  tx.exec_prepared("tshsync_save_progress", progress.checkpoint_key, progress.checkpoint ? checkpoint.c_str() : nullptr,
                   progress.cursor_key, progress.cursor ? cursor.c_str() : nullptr);
}

}  // namespace tshsync::sync
