#include <tshsync/sync/pricelist_link.hpp>

#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

std::optional<int64_t> by_id(pqxx::transaction_base& tx, const zoho::Pricebook& book) {
  const auto rows = tx.exec_params("SELECT id FROM pricelists WHERE zoho_pricebook_id = $1", book.pricebook_id);
  if (rows.empty()) return std::nullopt;
  return rows[0][0].as<int64_t>();
}

std::optional<int64_t> by_name(pqxx::transaction_base& tx, const zoho::Pricebook& book) {
  const auto rows =
      tx.exec_params("SELECT id, zoho_pricebook_id IS NOT NULL FROM pricelists WHERE name = $1", book.name);
  if (rows.empty()) return std::nullopt;
  if (rows[0][1].as<bool>())
    throw zoho::RecordError(book.pricebook_id, "its name \"" + book.name +
                                                   "\" belongs to a price list linked to another pricebook; "
                                                   "rename one of them");
  return rows[0][0].as<int64_t>();
}

std::optional<int64_t> by_currency(pqxx::transaction_base& tx, const std::string& currency) {
  const auto rows = tx.exec_params(
      "SELECT id FROM pricelists WHERE zoho_pricebook_id IS NULL AND currency = $1 LIMIT 2", currency);
  if (rows.size() != 1) return std::nullopt;
  return rows[0][0].as<int64_t>();
}

}  // namespace

std::optional<PricelistLink> link_pricelist(pqxx::transaction_base& tx, const zoho::Pricebook& book,
                                            const std::string& currency) {
  PricelistLink link;
  auto id = by_id(tx, book);
  if (!id) {
    id = by_name(tx, book);
    if (!id && book.active) id = by_currency(tx, currency);
    link.newly_linked = id.has_value();
  }
  if (!id && !book.active) return std::nullopt;
  const std::string type = book.type_name;
  if (!id) {
    link.pricelist_id = tx.exec_params(
                              "INSERT INTO pricelists (name, zoho_pricebook_id, currency, is_active, pricebook_type) "
                              "VALUES ($1, $2, $3, true, $4) RETURNING id",
                              book.name, book.pricebook_id, currency, type)[0][0]
                            .as<int64_t>();
    link.created = true;
    return link;
  }
  link.pricelist_id = *id;
  link.updated = 0 < tx.exec_params(
      "UPDATE pricelists SET zoho_pricebook_id = $2, currency = $3, is_active = $4, pricebook_type = $5, "
      "updated_at = now() "
      "WHERE id = $1 AND (zoho_pricebook_id, currency, is_active, pricebook_type) "
      "IS DISTINCT FROM ($2::text, $3::text, $4::boolean, $5::text)",
      *id, book.pricebook_id, currency, book.active, type)
                         .affected_rows();
  return link;
}

}  // namespace tshsync::sync
