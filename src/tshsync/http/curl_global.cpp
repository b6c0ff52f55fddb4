#include <tshsync/http/curl_global.hpp>

#include <mutex>
#include <string>

#include <curl/curl.h>

#include <tshsync/core/error.hpp>

namespace tshsync::http {

void ensure_curl_global_init() {
  static std::once_flag once;
  // call_once leaves the flag unset when the callable throws, so a failed
  // initialisation is retried by the next caller.
  std::call_once(once, [] {
    const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
      throw core::unavailable_error(std::string("cannot initialise libcurl: ") + curl_easy_strerror(code));
    }
  });
}

}  // namespace tshsync::http
