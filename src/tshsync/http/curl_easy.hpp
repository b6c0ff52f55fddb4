#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include <curl/curl.h>

namespace tshsync::http {

// Move-only owner of one libcurl easy handle, its request header list and its
// error buffer. Keep one alive across requests: libcurl then reuses the open
// connections (and TLS sessions) it caches in the handle.
//
// The setters are typed wrappers around the variadic curl_easy_setopt so the
// compiler checks argument types; they throw core::Error when libcurl rejects
// an option (a libcurl built without a needed feature, or a bug here).
class CurlEasy {
 public:
  using WriteCallback = size_t (*)(char* data, size_t size, size_t count, void* user);
  using XferInfoCallback = int (*)(void* user, curl_off_t dl_total, curl_off_t dl_now, curl_off_t ul_total,
                                   curl_off_t ul_now);

  CurlEasy();
  ~CurlEasy();
  CurlEasy(CurlEasy&& other) noexcept;
  CurlEasy& operator=(CurlEasy&& other) noexcept;
  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;

  // Forgets every option and the header list but keeps the connection cache.
  void reset();

  void set_long(CURLoption option, long value);
  void set_size(CURLoption option, curl_off_t value);
  // libcurl copies strings, except CURLOPT_POSTFIELDS (which must outlive perform()).
  void set_string(CURLoption option, const char* value);
  void set_pointer(CURLoption option, void* value);
  void set_write_callback(CURLoption option, WriteCallback callback);
  void set_xferinfo_callback(XferInfoCallback callback);
  // Replaces the request header list ("Name: value" lines).
  void set_headers(const std::vector<std::string>& headers);

  // Runs the transfer; failures come back as a code so callers classify them.
  CURLcode perform() noexcept;
  // libcurl's detailed message for the last failure, or its generic text for `code`.
  std::string error_message(CURLcode code) const;
  long response_code() const;

 private:
  void attach_error_buffer();
  void free_headers() noexcept;

  CURL* handle_ = nullptr;
  curl_slist* headers_ = nullptr;
  // On the heap so its address, which libcurl keeps, survives moves.
  std::unique_ptr<std::array<char, CURL_ERROR_SIZE>> error_buffer_;
};

}  // namespace tshsync::http
