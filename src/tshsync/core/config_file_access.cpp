#include <tshsync/core/config_file_access.hpp>

#include <cerrno>
#include <cstring>
#include <vector>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tshsync/core/error.hpp>

namespace tshsync::core {

namespace {

// The groups of the running process: its effective group and supplementary ones.
bool in_own_groups(gid_t gid) {
  if (gid == ::getegid()) return true;
  const int n = ::getgroups(0, nullptr);
  if (n <= 0) return false;
  std::vector<gid_t> groups(static_cast<size_t>(n));
  const int got = ::getgroups(n, groups.data());
  for (int i = 0; i < got; ++i)
    if (groups[static_cast<size_t>(i)] == gid) return true;
  return false;
}

std::string group_name(gid_t gid) {
  if (const group* g = ::getgrgid(gid)) return g->gr_name;
  return std::to_string(gid);
}

struct stat stat_or_throw(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw config_error("cannot read config file " + path + ": " + std::strerror(errno));
  return st;
}

}  // namespace

bool config_file_present(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return true;
  if (errno == ENOENT) return false;
  if (errno == EACCES)
    throw config_error("cannot read config file " + path +
                       ": permission denied (the user running tshsync must be able to enter its directory and read "
                       "it; the package's layout: /etc/tshsync root:tshsync 0750, the file root:tshsync 0640)");
  throw config_error("cannot read config file " + path + ": " + std::strerror(errno));
}

void refuse_exposed_secrets(const std::string& path, const std::string& secret_key) {
  const struct stat st = stat_or_throw(path);
  if ((st.st_mode & S_IROTH) != 0)
    throw config_error("refusing " + path + ": it holds secrets (" + secret_key +
                       ") and others can read it; run: chmod 600 " + path + " (or 640 with the service user's group)");
  if ((st.st_mode & S_IRGRP) != 0 && !in_own_groups(st.st_gid))
    throw config_error("refusing " + path + ": it holds secrets (" + secret_key + ") and group " +
                       group_name(st.st_gid) + ", which tshsync does not run in, can read it; run: chmod 600 " + path +
                       " (or chgrp the service user's group)");
}

}  // namespace tshsync::core
