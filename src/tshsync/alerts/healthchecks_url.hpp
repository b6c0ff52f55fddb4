#pragma once

#include <string>

namespace tshsync::alerts {

// [alerts].healthchecks_url with "{command}" replaced by the command's name,
// so each command pings its own check (https://hc-ping.com/<key>/{command}).
std::string check_url_for(const std::string& url_template, const std::string& command);

// A random UUID (version 4): healthchecks.io's run id (?rid=), which pairs a
// run's /start with its end even when two runs of a check overlap.
std::string new_run_id();

}  // namespace tshsync::alerts
