#pragma once

#include <tshsync/zoho/envelope.hpp>

namespace tshsync::zoho {

// Zoho's answer to an organization_id it does not know: code 6041 ("This user
// is not associated with the CompanyID") or code 2 naming organization_id. A
// configuration error, not an outage: retrying or another endpoint won't help.
bool refuses_organization(const ApiAnswer& answer);

}  // namespace tshsync::zoho
