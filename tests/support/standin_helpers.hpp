#pragma once

// Small helpers the pull and robustness suites share (one definition each, so
// the suites also build as one unity translation unit).

#include <cstddef>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/standin.hpp"

namespace tshsync::test {

// Stand-in arguments: the large synthetic catalog of `items` items, no rate limit.
std::vector<std::string> large_catalog(int items);

// zoho_env() with tshsync's pacing off (6000 calls a minute) and ZOHO_PRODUCT.
Env pull_env(const Standin& standin, const std::string& product = "books");

// The ids of `count` live items, every `stride`-th of the stand-in's export.
std::vector<std::string> item_ids(const Standin& standin, std::size_t count, std::size_t stride);

// GET /items (list) calls the stand-in has answered so far.
long long items_list_calls(const Standin& standin);

}  // namespace tshsync::test
