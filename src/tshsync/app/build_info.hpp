#pragma once

#include <string>

namespace tshsync::app {

// What this binary is: for --version and the tshsync_build_info gauge.
struct BuildInfo {
  std::string version;     // "0.1.0"
  std::string revision;    // git "3f2a9c1d0b4e", "unknown" outside a checkout
  int schema_version = 0;  // the newest migration compiled in
};

BuildInfo build_info();

// --version: the version, revision and schema on the first line, then one
// line of library versions (libcurl and OpenSSL as loaded, the rest as compiled).
std::string version_text();

}  // namespace tshsync::app
