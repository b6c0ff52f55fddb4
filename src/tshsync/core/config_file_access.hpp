#pragma once

#include <string>

namespace tshsync::core {

// Whether the config file is there. A file that cannot be looked at (a
// directory on the way the running user may not enter) is a configuration
// error that says so, never "does not exist". Throws config_error.
bool config_file_present(const std::string& path);

// Refuses (config_error) a file holding secrets that others can read, or that
// a group can read which the running user is not in. A file of the running
// user's own group, e.g. root:tshsync 0640 read by user tshsync, is accepted:
// the package's layout. `secret_key` names the first secret, for the message.
void refuse_exposed_secrets(const std::string& path, const std::string& secret_key);

}  // namespace tshsync::core
