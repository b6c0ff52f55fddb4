#include <tshsync/sync/pricelist_link.hpp>

#include <pqxx/pqxx>

#include <tshsync/db/erp_schema.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

std::optional<std::string> by_id(pqxx::transaction_base& tx, const zoho::Pricebook& book, const std::string& column) {
  const auto rows = tx.exec_params("SELECT id::text FROM pricelists WHERE " + column + " = $1", book.pricebook_id);
  if (rows.empty()) return std::nullopt;
  return rows[0][0].as<std::string>();
}

std::optional<std::string> by_name(pqxx::transaction_base& tx, const zoho::Pricebook& book, const std::string& column) {
  const auto rows =
      tx.exec_params("SELECT id::text, " + column + " IS NOT NULL FROM pricelists WHERE name = $1", book.name);
  if (rows.empty()) return std::nullopt;
  if (rows[0][1].as<bool>())
    throw zoho::RecordError(book.pricebook_id, "its name \"" + book.name +
                                                   "\" belongs to a price list linked to another pricebook; "
                                                   "rename one of them");
  return rows[0][0].as<std::string>();
}

std::optional<std::string> by_currency(pqxx::transaction_base& tx, const std::string& currency,
                                       const std::string& column) {
  const auto rows = tx.exec_params(
      "SELECT id::text FROM pricelists WHERE " + column + " IS NULL AND currency = $1 LIMIT 2", currency);
  if (rows.size() != 1) return std::nullopt;
  return rows[0][0].as<std::string>();
}

}  // namespace

std::optional<PricelistLink> link_pricelist(pqxx::transaction_base& tx, const zoho::Pricebook& book,
                                            const std::string& currency, const std::string& zoho_id_column) {
  const std::string column = db::quote_ident(zoho_id_column);
  PricelistLink link;
  auto id = by_id(tx, book, column);
  if (!id) {
    id = by_name(tx, book, column);
    if (!id && book.active) id = by_currency(tx, currency, column);
    link.newly_linked = id.has_value();
  }
  if (!id && !book.active) return std::nullopt;
  const std::string type = book.type_name;
  if (!id) {
    link.pricelist_id = tx.exec_params("INSERT INTO pricelists (name, " + column +
                                           ", currency, is_active, pricebook_type) "
                                           "VALUES ($1, $2, $3, true, $4) RETURNING id::text",
                                       book.name, book.pricebook_id, currency, type)[0][0]
                            .as<std::string>();
    link.created = true;
    return link;
  }
  link.pricelist_id = *id;
  link.updated = 0 < tx.exec_params("UPDATE pricelists SET " + column +
                                        " = $2, currency = $3, is_active = $4, pricebook_type = $5, "
                                        "updated_at = now() "
                                        "WHERE id::text = $1 AND (" +
                                        column +
                                        ", currency, is_active, pricebook_type) "
                                        "IS DISTINCT FROM ($2::text, $3::text, $4::boolean, $5::text)",
                                    *id, book.pricebook_id, currency, book.active, type)
                         .affected_rows();
  return link;
}

}  // namespace tshsync::sync
