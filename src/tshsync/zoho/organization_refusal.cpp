#include <tshsync/zoho/organization_refusal.hpp>

namespace tshsync::zoho {

namespace {
constexpr long kCodeInvalidValue = 2;
constexpr long kCodeNotInOrganization = 6041;
}  // namespace

bool refuses_organization(const ApiAnswer& answer) {
  if (answer.code == kCodeNotInOrganization) return true;
  const bool names_it = answer.reason.find("organization_id") != std::string::npos ||
                        answer.reason.find("CompanyID") != std::string::npos;
  return names_it && answer.code == kCodeInvalidValue;
}

}  // namespace tshsync::zoho
