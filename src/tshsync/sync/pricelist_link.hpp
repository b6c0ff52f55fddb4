#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/zoho/pricebook.hpp>

namespace tshsync::sync {

struct PricelistLink {
  std::string pricelist_id;  // as text: the ERP's ids may be integers or uuids
  bool created = false;
  bool newly_linked = false;  // matched by name or currency and given the Zoho id now
  bool updated = false;       // an existing list's id, currency, is_active or type changed
};

// The pricelist of a Zoho pricebook, as the ERP matched them: by its Zoho id
// column (`zoho_id_column`: the ERP's zoho_pricelist_id, which its own
// webhook handler upserts on, or zoho_pricebook_id), else by name (an unlinked list), else by currency (only
// when exactly one unlinked list has it), else a new list. Inactive books are
// matched by id or name only and never create a list: a currency match must
// not tie an ERP list to a retired book. The list's Zoho id, currency,
// is_active and pricebook_type follow the book; its name is the ERP's and is
// kept. Throws zoho::RecordError when the book's name belongs to a list linked
// to another pricebook. nullopt: an inactive book with no list.
std::optional<PricelistLink> link_pricelist(pqxx::transaction_base& tx, const zoho::Pricebook& book,
                                            const std::string& currency, const std::string& zoho_id_column);

}  // namespace tshsync::sync
