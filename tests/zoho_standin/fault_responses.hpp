#pragma once

#include "faults.hpp"
#include "rate_limit.hpp"

#include <httplib.h>

namespace zoho_standin {

// Answers with the fault's canned response (kinds for which replaces_response() is true).
// `rate` fills the X-Rate-Limit-* headers; the rate_limit kind overrides Reset.
void write_fault_response(const FiredFault& fault, httplib::Response& res, const RateHeaders& rate);

// Breaks an already built response: `reset` sends the headers and half the body, then drops
// the connection; `truncated_json` sends HTTP 200 with half the body and a Content-Length that
// matches it (and the rule's Retry-After, when it names one).
void break_response(const FiredFault& fault, httplib::Response& res);

}  // namespace zoho_standin
