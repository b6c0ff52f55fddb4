#include <tshsync/http/url.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include <curl/curl.h>

#include <tshsync/core/error.hpp>
#include <tshsync/http/curl_global.hpp>
#include <tshsync/util/ascii.hpp>

namespace tshsync::http {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
  void operator()(char* text) const noexcept { curl_free(text); }
};

// One part of a parsed URL; empty when the URL has none.
std::string url_part(CURLU* url, CURLUPart part, unsigned int flags) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK) return {};
  const std::unique_ptr<char, CurlStringDeleter> owned(raw);
  return std::string(raw);
}

}  // namespace

std::string Origin::to_string() const {
  std::string text = scheme + "://" + host;
  if (port != 0) text += ":" + std::to_string(port);
  return text;
}

Origin parse_origin(const std::string& url) {
  ensure_curl_global_init();
  const std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed) throw core::Error(core::ExitCode::software, "cannot parse a URL (out of memory?)");
  // Accept any scheme here so require_safe_url can name the one it refuses.
  if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    throw core::config_error("malformed URL: " + redact_url_query(url) + "; check the configured address");
  }
  Origin origin;
  origin.scheme = util::ascii_lower(url_part(parsed.get(), CURLUPART_SCHEME, 0));
  origin.host = util::ascii_lower(url_part(parsed.get(), CURLUPART_HOST, 0));
  const std::string port = url_part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  origin.port = port.empty() ? 0 : std::stoi(port);  // libcurl has validated it as 1..65535
  return origin;
}

bool is_loopback_host(std::string_view host) {
  std::string name = util::ascii_lower(std::string(host));
  if (name == "localhost") return true;
  if (name.size() >= 2 && name.front() == '[' && name.back() == ']') {
    name = name.substr(1, name.size() - 2);
  }
  in_addr v4{};
  if (inet_pton(AF_INET, name.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127U;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, name.c_str(), &v6) == 1) {
    return std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0;
  }
  return false;
}

void require_safe_url(const std::string& url) {
  const Origin origin = parse_origin(url);
  if (origin.scheme == "https") return;
  if (origin.scheme == "http") {
    if (is_loopback_host(origin.host)) return;
    throw core::config_error("plain http is allowed only to loopback: " + origin.to_string() + "; use https");
  }
  throw core::config_error("unsupported URL scheme '" + origin.scheme + "' in " + origin.to_string() + "; use https");
}

std::string url_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += hex[byte >> 4];
      encoded += hex[byte & 0x0FU];
    }
  }
  return encoded;
}

std::string build_query(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string query;
  for (const auto& [name, value] : params) {
    if (!query.empty()) query += '&';
    query += url_encode(name);
    query += '=';
    query += url_encode(value);
  }
  return query;
}

std::string redact_url_query(std::string_view url) {
  std::string text(url.substr(0, url.find('#')));
  const size_t question = text.find('?');
  // Credentials in the authority: "scheme://user:pass@host".
  const size_t scheme_end = text.find("://");
  if (scheme_end != std::string::npos && scheme_end < question) {
    const size_t start = scheme_end + 3;
    const size_t end = std::min(text.find('/', start), question);
    const size_t at = text.rfind('@', end == std::string::npos ? text.size() : end);
    if (at != std::string::npos && at >= start) text.replace(start, at - start, "***");
  }
  const size_t query_start = text.find('?');
  if (query_start == std::string::npos) return text;
  std::string redacted = text.substr(0, query_start + 1);
  size_t pos = query_start + 1;
  while (pos <= text.size()) {
    const size_t amp = std::min(text.find('&', pos), text.size());
    const std::string_view pair(text.data() + pos, amp - pos);
    const std::string_view name = pair.substr(0, pair.find('='));
    if (pos > query_start + 1) redacted += '&';
    redacted += name;
    if (pair.size() > name.size()) redacted += "=***";
    pos = amp + 1;
  }
  return redacted;
}

}  // namespace tshsync::http
