#include "zoho_error_bodies.hpp"

namespace zoho_standin {

const char* zoho_error_message(int code) {
  switch (code) {
    case 14:
      return "The request could not be authenticated as the authentication value you entered is "
             "invalid. Enter a valid authentication value and try again.";
    case 44:
      return "You have made too many requests per minute. Please try again after some time.";
    case 45:
      return "The API call for this organization has exceeded the maximum call rate limit of 10,000";
    case 57:
      return "You are not authorized to perform this operation";
    case 1070:
      return "You have exceeded the maximum number of in process requests allowed. Please try "
             "again after some time.";
    default:
      return nullptr;
  }
}

int default_status_of(int code) {
  switch (code) {
    case 14:
    case 57:
      return 401;
    default:
      return 429;
  }
}

}  // namespace zoho_standin
