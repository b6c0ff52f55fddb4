#include "fault_responses.hpp"

#include "responses.hpp"
#include "zoho_error_bodies.hpp"

#include <memory>
#include <string>

namespace zoho_standin {
namespace {

constexpr const char* bad_gateway_page =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>ZGS</center>\r\n"
    "</body>\r\n</html>\r\n";

// Starts like an item list, then stops making sense.
constexpr const char* invalid_json_body = R"({"code":0,"items":[{ <<garbage>> ]]]}oops)";

}  // namespace

void write_fault_response(const FiredFault& fault, httplib::Response& res, const RateHeaders& rate) {
  set_rate_headers(res, rate);
  if (fault.retry_after && fault.kind != FaultKind::rate_limit) {
    replace_header(res, "Retry-After", std::to_string(*fault.retry_after));
  }
  switch (fault.kind) {
    case FaultKind::status:
      send_zoho_error(res, fault.status, zoho_code::internal_error, "Internal error");
      return;
    case FaultKind::rate_limit: {
      const std::string seconds = std::to_string(fault.retry_after.value_or(1));
      replace_header(res, "Retry-After", seconds);
      replace_header(res, "X-Rate-Limit-Reset", seconds);
      replace_header(res, "X-Rate-Limit-Remaining", "0");
      send_zoho_error(res, 429, zoho_code::rate_limited,
                      "You have made too many requests per minute. Please try again after some "
                      "time.");
      return;
    }
    case FaultKind::invalid_json:
      res.status = 200;
      res.headers.erase("Content-Type");
      res.set_content(invalid_json_body, json_content_type);
      return;
    case FaultKind::html:
      res.status = 502;
      res.headers.erase("Content-Type");
      res.set_content(bad_gateway_page, "text/html");
      return;
    case FaultKind::code_nonzero:
      send_zoho_error(res, 200, zoho_code::internal_error, "Internal Server Error");
      return;
    case FaultKind::zoho_error:
      send_zoho_error(res, fault.status, fault.code, zoho_error_message(fault.code));
      return;
    case FaultKind::reset:
    case FaultKind::truncated_json:
    case FaultKind::slow:
    case FaultKind::expire_tokens:
    case FaultKind::raw_field:
    case FaultKind::rewrite:
    case FaultKind::repeat_previous:
    case FaultKind::patch_item:
      return;  // these shape or delay the real response instead
  }
}

void break_response(const FiredFault& fault, httplib::Response& res) {
  const FaultKind kind = fault.kind;
  auto body = std::make_shared<std::string>(std::move(res.body));
  res.body.clear();
  const std::string content_type =
      res.has_header("Content-Type") ? res.get_header_value("Content-Type") : json_content_type;
  res.headers.erase("Content-Type");
  if (kind == FaultKind::truncated_json) {
    if (fault.retry_after) {
      replace_header(res, "Retry-After", std::to_string(*fault.retry_after));
    }
    res.status = 200;
    res.set_content(body->substr(0, body->size() / 2), content_type);
    return;
  }
  // Announce the full length, write half, then report failure: httplib closes the connection
  // and the client sees a transfer cut short.
  res.set_content_provider(body->size(), content_type,
                           [body](std::size_t offset, std::size_t /*length*/, httplib::DataSink& sink) {
                             if (offset == 0) {
                               sink.write(body->data(), body->size() / 2);
                             }
                             return false;
                           });
}

}  // namespace zoho_standin
