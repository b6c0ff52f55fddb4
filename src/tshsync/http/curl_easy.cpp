#include <tshsync/http/curl_easy.hpp>

#include <utility>

#include <tshsync/core/error.hpp>
#include <tshsync/http/curl_global.hpp>

namespace tshsync::http {
namespace {

void check_setopt(CURLcode code, CURLoption option) {
  if (code != CURLE_OK) {
    throw core::Error(core::ExitCode::software, "libcurl rejected option " + std::to_string(static_cast<int>(option)) +
                                                    ": " + curl_easy_strerror(code) +
                                                    "; check that libcurl is built with TLS and zlib");
  }
}

}  // namespace

CurlEasy::CurlEasy() : error_buffer_(std::make_unique<std::array<char, CURL_ERROR_SIZE>>()) {
  ensure_curl_global_init();
  handle_ = curl_easy_init();
  if (handle_ == nullptr) {
    throw core::Error(core::ExitCode::software, "cannot create a libcurl handle (out of memory?)");
  }
  attach_error_buffer();
}

CurlEasy::~CurlEasy() {
  if (handle_ != nullptr) curl_easy_cleanup(handle_);
  free_headers();
}

CurlEasy::CurlEasy(CurlEasy&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)),
      headers_(std::exchange(other.headers_, nullptr)),
      error_buffer_(std::move(other.error_buffer_)) {}

CurlEasy& CurlEasy::operator=(CurlEasy&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) curl_easy_cleanup(handle_);
    free_headers();
    handle_ = std::exchange(other.handle_, nullptr);
    headers_ = std::exchange(other.headers_, nullptr);
    error_buffer_ = std::move(other.error_buffer_);
  }
  return *this;
}

void CurlEasy::reset() {
  curl_easy_reset(handle_);
  free_headers();
  attach_error_buffer();
}

void CurlEasy::set_long(CURLoption option, long value) {
  check_setopt(curl_easy_setopt(handle_, option, value), option);
}

void CurlEasy::set_size(CURLoption option, curl_off_t value) {
  check_setopt(curl_easy_setopt(handle_, option, value), option);
}

void CurlEasy::set_string(CURLoption option, const char* value) {
  check_setopt(curl_easy_setopt(handle_, option, value), option);
}

void CurlEasy::set_pointer(CURLoption option, void* value) {
  check_setopt(curl_easy_setopt(handle_, option, value), option);
}

void CurlEasy::set_write_callback(CURLoption option, WriteCallback callback) {
  check_setopt(curl_easy_setopt(handle_, option, callback), option);
}

void CurlEasy::set_xferinfo_callback(XferInfoCallback callback) {
  check_setopt(curl_easy_setopt(handle_, CURLOPT_XFERINFOFUNCTION, callback), CURLOPT_XFERINFOFUNCTION);
}

void CurlEasy::set_headers(const std::vector<std::string>& headers) {
  curl_slist* list = nullptr;
  for (const std::string& header : headers) {
    curl_slist* extended = curl_slist_append(list, header.c_str());
    if (extended == nullptr) {
      curl_slist_free_all(list);
      throw core::Error(core::ExitCode::software, "cannot build the request header list (out of memory?)");
    }
    list = extended;
  }
  // Hand the new list to libcurl before freeing the one it may still point to.
  const CURLcode code = curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, list);
  if (code != CURLE_OK) {
    curl_slist_free_all(list);
    check_setopt(code, CURLOPT_HTTPHEADER);
  }
  free_headers();
  headers_ = list;
}

CURLcode CurlEasy::perform() noexcept {
  (*error_buffer_)[0] = '\0';
  return curl_easy_perform(handle_);
}

std::string CurlEasy::error_message(CURLcode code) const {
  const char* detail = error_buffer_->data();
  return detail[0] != '\0' ? std::string(detail) : std::string(curl_easy_strerror(code));
}

long CurlEasy::response_code() const {
  long status = 0;
  curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status);
  return status;
}

void CurlEasy::attach_error_buffer() {
  (*error_buffer_)[0] = '\0';
  check_setopt(curl_easy_setopt(handle_, CURLOPT_ERRORBUFFER, error_buffer_->data()), CURLOPT_ERRORBUFFER);
}

void CurlEasy::free_headers() noexcept {
  curl_slist_free_all(headers_);
  headers_ = nullptr;
}

}  // namespace tshsync::http
