#include <tshsync/http/http_client.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include <curl/curl.h>

#include <tshsync/http/curl_easy.hpp>
#include <tshsync/http/url.hpp>
#include <tshsync/util/ascii.hpp>

namespace tshsync::http {
namespace {

using Kind = TransportError::Kind;

bool is_cancelled(const core::CancelToken* cancel) { return cancel != nullptr && cancel->requested(); }

Kind classify_curl_code(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return Kind::timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return Kind::connect;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:  // the body arrived truncated
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return Kind::reset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
      return Kind::tls;
    case CURLE_ABORTED_BY_CALLBACK:
      return Kind::cancelled;
    default:
      return Kind::other;
  }
}

// Method names go into the request line verbatim: allow only a token.
void require_valid_method(const std::string& method) {
  const bool valid = !method.empty() &&
                     std::all_of(method.begin(), method.end(), [](unsigned char c) { return std::isupper(c) != 0; });
  if (!valid) throw std::invalid_argument("invalid HTTP method: " + method);
}

// A CR or LF in a header line would smuggle extra headers into the request.
void require_valid_headers(const std::vector<std::string>& headers) {
  for (const std::string& header : headers) {
    if (header.find_first_of("\r\n") != std::string::npos || header.find(':') == std::string::npos) {
      throw std::invalid_argument("invalid HTTP header line (needs 'Name: value', no line breaks)");
    }
  }
}

std::string trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// Callbacks run inside C code: no exception may escape. Returning a short
// count makes libcurl fail the transfer with CURLE_WRITE_ERROR instead.
size_t on_body(char* data, size_t size, size_t count, void* user) noexcept try {
  static_cast<Response*>(user)->body.append(data, size * count);
  return size * count;
} catch (...) {
  return 0;
}

size_t on_header(char* data, size_t size, size_t count, void* user) noexcept try {
  auto* response = static_cast<Response*>(user);
  const std::string_view line(data, size * count);
  // A new status line starts a new response (after "100 Continue", say):
  // only the final response's headers count.
  if (line.rfind("HTTP/", 0) == 0) {
    response->headers.clear();
  } else if (const size_t colon = line.find(':'); colon != std::string_view::npos) {
    response->headers[util::ascii_lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
  }
  return size * count;
} catch (...) {
  return 0;
}

// libcurl calls this several times a second, even while waiting for bytes.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return is_cancelled(static_cast<const core::CancelToken*>(user)) ? 1 : 0;
}

long to_long(std::chrono::milliseconds value) { return static_cast<long>(value.count()); }

}  // namespace

std::string Response::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

const char* to_string(TransportError::Kind kind) {
  switch (kind) {
    case Kind::timeout:
      return "timeout";
    case Kind::connect:
      return "connection failed";
    case Kind::reset:
      return "connection reset";
    case Kind::tls:
      return "TLS failure";
    case Kind::cancelled:
      return "cancelled";
    case Kind::other:
      return "transfer failed";
  }
  return "transfer failed";
}

void abort_if_cancelled(const core::CancelToken* cancel, const std::string& what) {
  if (is_cancelled(cancel)) throw TransportError(Kind::cancelled, "cancelled " + what);
}

std::string ClientOptions::default_user_agent() { return std::string("tshsync/") + TSHSYNC_VERSION; }

HttpClient::HttpClient(ClientOptions options) : options_(std::move(options)), easy_(std::make_unique<CurlEasy>()) {}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

Response HttpClient::perform(const Request& request) {
  require_safe_url(request.url);
  require_valid_method(request.method);
  require_valid_headers(request.headers);
  const std::string where = request.method + " " + redact_url_query(request.url);
  abort_if_cancelled(options_.cancel, "before " + where);

  Response response;
  configure(request, response);
  const CURLcode code = easy_->perform();
  if (code != CURLE_OK) {
    const Kind kind = is_cancelled(options_.cancel) ? Kind::cancelled : classify_curl_code(code);
    throw TransportError(kind, std::string(to_string(kind)) + ": " + where + ": " + easy_->error_message(code));
  }
  response.status = easy_->response_code();
  return response;
}

void HttpClient::configure(const Request& request, Response& response) {
  CurlEasy& easy = *easy_;
  easy.reset();  // drops the previous request's options, keeps its connections
  easy.set_string(CURLOPT_URL, request.url.c_str());
  easy.set_string(CURLOPT_PROTOCOLS_STR, "http,https");
  easy.set_long(CURLOPT_FOLLOWLOCATION, 0L);

  // Certificates are always verified; there is deliberately no switch for it.
  easy.set_long(CURLOPT_SSL_VERIFYPEER, 1L);
  easy.set_long(CURLOPT_SSL_VERIFYHOST, 2L);
  easy.set_long(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));

  easy.set_long(CURLOPT_NOSIGNAL, 1L);  // timeouts must not use SIGALRM in a threaded program
  easy.set_long(CURLOPT_CONNECTTIMEOUT_MS, to_long(options_.connect_timeout));
  easy.set_long(CURLOPT_TIMEOUT_MS, to_long(options_.total_timeout));
  easy.set_long(CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
  easy.set_long(CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.low_speed_time.count()));
  easy.set_long(CURLOPT_TCP_KEEPALIVE, 1L);

  easy.set_string(CURLOPT_USERAGENT, options_.user_agent.c_str());
  easy.set_string(CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
  std::vector<std::string> headers = request.headers;
  headers.emplace_back("Expect:");  // no 100-continue round trip for large bodies
  easy.set_headers(headers);

  if (request.method == "GET") {
    easy.set_long(CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    easy.set_long(CURLOPT_NOBODY, 1L);
  } else {
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
      // Not copied by libcurl: `request` outlives the transfer.
      easy.set_size(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      easy.set_string(CURLOPT_POSTFIELDS, request.body.c_str());
    }
    if (request.method != "POST") easy.set_string(CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  easy.set_write_callback(CURLOPT_WRITEFUNCTION, on_body);
  easy.set_pointer(CURLOPT_WRITEDATA, &response);
  easy.set_write_callback(CURLOPT_HEADERFUNCTION, on_header);
  easy.set_pointer(CURLOPT_HEADERDATA, &response);
  if (options_.cancel != nullptr) {
    easy.set_long(CURLOPT_NOPROGRESS, 0L);
    easy.set_xferinfo_callback(on_progress);
    // libcurl's void* is never written through: the callback reads the token only.
    easy.set_pointer(CURLOPT_XFERINFODATA, const_cast<core::CancelToken*>(options_.cancel));
  }
}

}  // namespace tshsync::http
