#include "support/built_paths.hpp"

namespace tshsync::test {

const char* tshsync_binary() { return TSHSYNC_BINARY; }
const char* standin_binary() { return ZOHO_STANDIN_BINARY; }
const char* source_dir() { return TSHSYNC_SOURCE_DIR; }

}  // namespace tshsync::test
