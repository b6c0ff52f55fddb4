#include <tshsync/sync/listing_strategy.hpp>

#include <pqxx/pqxx>

#include <tshsync/sync/state.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

std::string key_of(const std::string& pull) { return "strategy." + pull; }

nlohmann::json optional_bool(const std::optional<bool>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

std::optional<bool> bool_of(const nlohmann::json& value, const char* key) {
  const nlohmann::json* field = zoho::find_field(value, key);
  if (field == nullptr || !field->is_boolean()) return std::nullopt;
  return field->get<bool>();
}

}  // namespace

nlohmann::json ListingBehaviour::to_json() const {
  return {{"filter", optional_bool(filter)}, {"sort", optional_bool(sort)}, {"checked_at", checked_at}};
}

ListingBehaviour ListingBehaviour::from_json(const nlohmann::json& value) {
  return {bool_of(value, "filter"), bool_of(value, "sort"), zoho::text_field(value, "checked_at")};
}

std::string strategy_name(const ListingBehaviour& behaviour, bool full, bool from_start) {
  if (full) return "full";
  if (from_start) return "from_start";
  if (behaviour.filter == false) return "full_scan";
  if (behaviour.sort == false) return "filtered_pages";
  return "keyed";
}

std::optional<ListingBehaviour> read_behaviour(pqxx::transaction_base& tx, const std::string& pull) {
  const auto value = read_state(tx, key_of(pull));
  if (!value || !value->is_object()) return std::nullopt;
  return ListingBehaviour::from_json(*value);
}

void save_behaviour(pqxx::transaction_base& tx, const std::string& pull, const ListingBehaviour& behaviour) {
  nlohmann::json value = behaviour.to_json();
  value["strategy"] = strategy_name(behaviour, false, false);
  tx.exec_params(
      "INSERT INTO tshsync_state AS s (key, value) VALUES ($1, $2::jsonb) "
      "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now() "
      "WHERE s.value IS DISTINCT FROM EXCLUDED.value",
      key_of(pull), value.dump());
}

}  // namespace tshsync::sync
