#pragma once

// Where this build put the binaries the integration tests run, and the source
// tree they read. Only built_paths.cpp is compiled with these paths, so every
// other test object is the same in each build directory: the asan build's
// unsanitized test driver is then the dev build's objects (a ccache hit).

namespace tshsync::test {

// The tshsync binary under test.
const char* tshsync_binary();
// The Zoho stand-in server (tests/zoho_standin).
const char* standin_binary();
// The top of the source tree.
const char* source_dir();

}  // namespace tshsync::test
